impl Solution {
    pub fn flag_left_on(toggles: Vec<i32>) -> i32 {
        toggles.iter().fold(0, |acc, &flag| acc ^ flag)
    }
}
