//! Each language, through its generated harness, on right, wrong, slow,
//! crashing and malformed solutions of `sum_list(nums: list<int>) -> long`.
//! Tests: `small` (sample, [1,2,3]), `empty`, `negative` ([-5, 2]),
//! `large values`, `four` (weight 2).

use rehearse::grading::Verdict;
use rehearse_sandbox::Language;

use crate::helpers::{fixture, grade_code, test, verdicts};

/// The behaviours every language must get right, as source per language.
struct Cases {
    language: Language,
    right: &'static str,
    /// Adds one to the sum.
    wrong: &'static str,
    /// Loops forever only when the first value is negative (`negative`).
    slow_on_negative: &'static str,
    /// Crashes only on an empty list (`empty`).
    crash_on_empty: &'static str,
    /// A syntax or type error on line 2 or 3.
    malformed: &'static str,
}

const CASES: &[Cases] = &[
    Cases {
        language: Language::Python,
        right: "class Solution:\n    def sumList(self, nums: List[int]) -> int:\n        return sum(nums)\n",
        wrong: "class Solution:\n    def sumList(self, nums: List[int]) -> int:\n        return sum(nums) + 1\n",
        slow_on_negative: "class Solution:\n    def sumList(self, nums):\n        while nums and nums[0] < 0:\n            pass\n        return sum(nums)\n",
        crash_on_empty: "class Solution:\n    def sumList(self, nums):\n        first = nums[0]\n        return sum(nums)\n",
        malformed: "class Solution:\n    def sumList(self, nums) -> int\n        return sum(nums)\n",
    },
    Cases {
        language: Language::JavaScript,
        right: "var sumList = function(nums) {\n    return nums.reduce((a, b) => a + b, 0);\n};\n",
        wrong: "var sumList = function(nums) {\n    return nums.reduce((a, b) => a + b, 1);\n};\n",
        slow_on_negative: "var sumList = function(nums) {\n    while (nums.length && nums[0] < 0) {}\n    return nums.reduce((a, b) => a + b, 0);\n};\n",
        crash_on_empty: "var sumList = function(nums) {\n    if (nums.length === 0) null.value;\n    return nums.reduce((a, b) => a + b, 0);\n};\n",
        malformed: "var sumList = function(nums) {\n    return nums.reduce((a, b) => a + b, 0;\n};\n",
    },
    Cases {
        language: Language::Cpp,
        right: "class Solution {\npublic:\n    long long sumList(vector<int>& nums) { long long s = 0; for (int x : nums) s += x; return s; }\n};\n",
        wrong: "class Solution {\npublic:\n    long long sumList(vector<int>& nums) { long long s = 1; for (int x : nums) s += x; return s; }\n};\n",
        slow_on_negative: "class Solution {\npublic:\n    long long sumList(vector<int>& nums) { volatile bool spin = !nums.empty() && nums[0] < 0; while (spin) {} long long s = 0; for (int x : nums) s += x; return s; }\n};\n",
        crash_on_empty: "class Solution {\npublic:\n    long long sumList(vector<int>& nums) { volatile int n = nums.size(); long long s = 100 / n; for (int x : nums) s += x; return s - 100 / n; }\n};\n",
        malformed: "class Solution {\npublic:\n    long long sumList(vector<int>& nums) { return undefined_name; }\n};\n",
    },
    Cases {
        language: Language::Rust,
        right: "impl Solution {\n    pub fn sum_list(nums: Vec<i32>) -> i64 {\n        nums.iter().map(|&x| x as i64).sum()\n    }\n}\n",
        wrong: "impl Solution {\n    pub fn sum_list(nums: Vec<i32>) -> i64 {\n        nums.iter().map(|&x| x as i64).sum::<i64>() + 1\n    }\n}\n",
        slow_on_negative: "impl Solution {\n    pub fn sum_list(nums: Vec<i32>) -> i64 {\n        while nums.first().map_or(false, |&x| std::hint::black_box(x) < 0) {}\n        nums.iter().map(|&x| x as i64).sum()\n    }\n}\n",
        crash_on_empty: "impl Solution {\n    pub fn sum_list(nums: Vec<i32>) -> i64 {\n        let _first = nums[0];\n        nums.iter().map(|&x| x as i64).sum()\n    }\n}\n",
        malformed: "impl Solution {\n    pub fn sum_list(nums: Vec<i32>) -> i64 {\n        nums.iter().sum::<String>()\n    }\n}\n",
    },
    Cases {
        language: Language::C,
        right: "long long sumList(int* nums, int numsSize) {\n    long long s = 0; for (int i = 0; i < numsSize; i++) s += nums[i]; return s;\n}\n",
        wrong: "long long sumList(int* nums, int numsSize) {\n    long long s = 1; for (int i = 0; i < numsSize; i++) s += nums[i]; return s;\n}\n",
        slow_on_negative: "long long sumList(int* nums, int numsSize) {\n    volatile int spin = numsSize > 0 && nums[0] < 0; while (spin) {}\n    long long s = 0; for (int i = 0; i < numsSize; i++) s += nums[i]; return s;\n}\n",
        crash_on_empty: "long long sumList(int* nums, int numsSize) {\n    volatile int n = numsSize; long long s = 100 / n;\n    for (int i = 0; i < numsSize; i++) s += nums[i]; return s - 100 / n;\n}\n",
        malformed: "long long sumList(int* nums, int numsSize) {\n    return undefined_name;\n}\n",
    },
];

#[test]
fn right_solutions_are_accepted_in_every_language() {
    let challenge = fixture("sum-list");
    for case in CASES {
        let report = grade_code(&challenge, case.language, case.right);
        assert_eq!(
            report.verdict,
            Verdict::Accepted,
            "{}: {report:#?}",
            case.language
        );
        assert_eq!(report.score, 1.0);
        assert_eq!(report.tests.len(), 5);
        assert!(
            report.tests.iter().all(|t| t.fuel > 0),
            "{}: every test has a cost",
            case.language
        );
        assert_eq!(
            report.fuel,
            report.tests.iter().map(|t| t.fuel).sum::<u64>()
        );
    }
}

#[test]
fn wrong_answers_show_details_only_for_sample_tests() {
    let challenge = fixture("sum-list");
    for case in CASES {
        let report = grade_code(&challenge, case.language, case.wrong);
        assert_eq!(report.verdict, Verdict::WrongAnswer, "{}", case.language);
        assert_eq!(report.score, 0.0);
        let sample = test(&report, "small");
        assert_eq!(sample.message, "expected 6, got 7", "{}", case.language);
        assert_eq!(sample.input.as_deref(), Some("nums = [1,2,3]"));
        assert_eq!(sample.expected.as_deref(), Some("6"));
        assert_eq!(sample.actual.as_deref(), Some("7"));
        let hidden = test(&report, "negative");
        assert_eq!(hidden.message, "wrong answer");
        assert_eq!(
            (&hidden.input, &hidden.expected, &hidden.actual),
            (&None, &None, &None)
        );
    }
}

#[test]
fn a_timeout_in_one_test_leaves_the_others_their_results() {
    let challenge = fixture("sum-list");
    for case in CASES {
        let report = grade_code(&challenge, case.language, case.slow_on_negative);
        let expected: Vec<(String, Verdict)> = [
            ("small", Verdict::Accepted),
            ("empty", Verdict::Accepted),
            ("negative", Verdict::TimeLimitExceeded),
            ("large values", Verdict::Accepted),
            ("four", Verdict::Accepted),
        ]
        .iter()
        .map(|(n, v)| (n.to_string(), *v))
        .collect();
        assert_eq!(verdicts(&report), expected, "{}", case.language);
        assert_eq!(report.verdict, Verdict::TimeLimitExceeded);
        // Partial credit: 5 of 6 weight units.
        assert!((report.score - 5.0 / 6.0).abs() < 1e-9, "{}", report.score);
        let timed_out = test(&report, "negative");
        assert!(
            timed_out.message.contains("time limit"),
            "{}",
            timed_out.message
        );
    }
}

#[test]
fn crashes_are_runtime_errors_that_reveal_nothing_of_hidden_tests() {
    let challenge = fixture("sum-list");
    for case in CASES {
        let report = grade_code(&challenge, case.language, case.crash_on_empty);
        let crashed = test(&report, "empty");
        assert_eq!(
            crashed.verdict,
            Verdict::RuntimeError,
            "{}: {report:#?}",
            case.language
        );
        assert_eq!(
            test(&report, "small").verdict,
            Verdict::Accepted,
            "{}",
            case.language
        );
        // A hidden test's message names the error's kind at most.
        assert!(
            !crashed.message.contains("nums"),
            "{}: {}",
            case.language,
            crashed.message
        );
        assert!(crashed.printed.is_none() && crashed.input.is_none());
    }
    let python = grade_code(&challenge, Language::Python, CASES[0].crash_on_empty);
    assert_eq!(test(&python, "empty").message, "IndexError");
}

#[test]
fn a_crash_on_a_sample_test_shows_the_traceback_against_the_candidates_lines() {
    let challenge = fixture("sum-list");
    let source =
        "class Solution:\n    def sumList(self, nums):\n\n        raise ValueError('bad input')\n";
    let report = grade_code(&challenge, Language::Python, source);
    let sample = test(&report, "small");
    assert_eq!(sample.verdict, Verdict::RuntimeError);
    assert!(
        sample.message.contains("solution.py\", line 4"),
        "{}",
        sample.message
    );
    assert!(
        sample.message.contains("ValueError: bad input"),
        "{}",
        sample.message
    );
    assert!(
        !sample.message.contains("__rh"),
        "harness frames are hidden: {}",
        sample.message
    );
}

#[test]
fn malformed_source_is_a_compile_error_with_a_line_number() {
    let challenge = fixture("sum-list");
    for case in CASES {
        let report = grade_code(&challenge, case.language, case.malformed);
        assert_eq!(
            report.verdict,
            Verdict::CompileError,
            "{}: {report:#?}",
            case.language
        );
        assert!(report.tests.is_empty());
        let output = report.compile_output.as_deref().unwrap_or("");
        let line = match case.language {
            Language::Python => "solution.py, line 2: SyntaxError",
            Language::JavaScript => "line 2, column 42: SyntaxError",
            Language::Rust => "main.rs:3:",
            Language::Cpp => "solution.cpp:3:",
            _ => "solution.c:2:",
        };
        assert!(output.contains(line), "{}: {output}", case.language);
        assert!(
            !output.contains("/tmp/"),
            "host paths are scrubbed: {output}"
        );
    }
}

#[test]
fn python_accepts_a_plain_function_and_keeps_debug_output_apart() {
    let challenge = fixture("sum-list");
    let source = "def sumList(nums):\n    print('looking at', nums)\n    return sum(nums)\n";
    let report = grade_code(&challenge, Language::Python, source);
    assert_eq!(report.verdict, Verdict::Accepted, "{report:#?}");
    let sample = test(&report, "small");
    assert_eq!(sample.printed.as_deref(), Some("looking at [1, 2, 3]\n"));
    assert!(
        test(&report, "empty").printed.is_none(),
        "hidden tests show no output"
    );
}

#[test]
fn memory_and_output_floods_get_their_own_verdicts() {
    let challenge = fixture("sum-list");
    let hog = "class Solution:\n    def sumList(self, nums):\n        block = [0] * 100_000_000\n        return sum(nums)\n";
    assert_eq!(
        grade_code(&challenge, Language::Python, hog).verdict,
        Verdict::MemoryLimitExceeded
    );
    let flood = "class Solution:\n    def sumList(self, nums):\n        while True:\n            print('x' * 1000)\n";
    let report = grade_code(&challenge, Language::Python, flood);
    assert_eq!(report.verdict, Verdict::OutputLimitExceeded, "{report:#?}");
}

#[test]
fn an_oversized_solution_is_refused_before_compiling() {
    let challenge = fixture("sum-list");
    let source = format!("{}\n{}", "# padding\n".repeat(6000), CASES[0].right);
    let report = grade_code(&challenge, Language::Python, &source);
    assert_eq!(report.verdict, Verdict::CompileError);
    assert!(report.compile_output.unwrap_or_default().contains("limit"));
}
