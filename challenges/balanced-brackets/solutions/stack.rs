impl Solution {
    pub fn is_well_formed(text: String) -> bool {
        let mut expected: Vec<u8> = Vec::new();
        let (mut in_string, mut escaped) = (false, false);
        for ch in text.bytes() {
            if in_string {
                if escaped {
                    escaped = false;
                } else if ch == b'\\' {
                    escaped = true;
                } else if ch == b'"' {
                    in_string = false;
                }
                continue;
            }
            match ch {
                b'"' => in_string = true,
                b'(' => expected.push(b')'),
                b'[' => expected.push(b']'),
                b'{' => expected.push(b'}'),
                b')' | b']' | b'}' => {
                    if expected.pop() != Some(ch) {
                        return false;
                    }
                }
                _ => {}
            }
        }
        expected.is_empty() && !in_string
    }
}
