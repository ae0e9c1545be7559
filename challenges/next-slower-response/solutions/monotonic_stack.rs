impl Solution {
    pub fn wait_for_slower(latencies: Vec<i32>) -> Vec<i32> {
        let mut answer = vec![0; latencies.len()];
        let mut waiting: Vec<usize> = Vec::new();
        for (i, &value) in latencies.iter().enumerate() {
            while let Some(&j) = waiting.last() {
                if latencies[j] >= value {
                    break;
                }
                answer[j] = (i - j) as i32;
                waiting.pop();
            }
            waiting.push(i);
        }
        answer
    }
}
