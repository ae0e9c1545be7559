var jobOrder = function(numJobs, dependencies) {
    const waiting = new Array(numJobs).fill(0);
    const unlocks = Array.from({ length: numJobs }, () => []);
    for (const [job, needs] of dependencies) {
        waiting[job]++;
        unlocks[needs].push(job);
    }
    const order = [];
    for (let j = 0; j < numJobs; j++) if (waiting[j] === 0) order.push(j);
    for (let i = 0; i < order.length; i++) {
        for (const next of unlocks[order[i]]) {
            if (--waiting[next] === 0) order.push(next);
        }
    }
    return order.length === numJobs ? order : [];
};
