/**
 * @param {string[]} floor
 * @return {number}
 */
var fewestSteps = function(floor) {
    const rows = floor.length, cols = floor[0].length;
    const dist = new Int32Array(rows * cols).fill(-1);
    const queue = new Int32Array(rows * cols);
    let head = 0, tail = 0, target = -1;
    for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
            const ch = floor[r][c];
            if (ch === "S") { dist[r * cols + c] = 0; queue[tail++] = r * cols + c; }
            else if (ch === "T") target = r * cols + c;
        }
    }
    while (head < tail) {
        const cell = queue[head++];
        if (cell === target) return dist[cell];
        const r = Math.floor(cell / cols), c = cell % cols;
        const tryCell = (nr, nc) => {
            if (nr < 0 || nr >= rows || nc < 0 || nc >= cols || floor[nr][nc] === "#") return;
            const next = nr * cols + nc;
            if (dist[next] >= 0) return;
            dist[next] = dist[cell] + 1;
            queue[tail++] = next;
        };
        tryCell(r - 1, c);
        tryCell(r + 1, c);
        tryCell(r, c - 1);
        tryCell(r, c + 1);
    }
    return -1;
};
