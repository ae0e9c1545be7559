//! A code challenge's tests: `tests.json` and generated ones, each input
//! checked against the signature and constraints, each expected answer
//! against the return type.

use super::*;

impl Reader<'_> {
    pub(super) fn tests(
        &mut self,
        mode: &CodeMode,
        comparator: &Comparator,
        pending: &mut Vec<GeneratedTest>,
    ) -> Option<Vec<TestCase>> {
        let file = "tests.json";
        let text = self.read(file, MAX_FILE_BYTES)?;
        let raw: Vec<RawTest> = match serde_json::from_str(&text) {
            Ok(raw) => raw,
            Err(e) => {
                // serde_json repeats the position in its message; keep it once.
                let message = e.to_string();
                let message = message
                    .rsplit_once(" at line ")
                    .map_or(message.as_str(), |(m, _)| m);
                self.problem(
                    file,
                    Some(format!("line {}, column {}", e.line(), e.column())),
                    message,
                );
                return None;
            }
        };
        let mut tests = Vec::new();
        let mut names = HashSet::new();
        let before = self.problems.len();
        for (i, raw) in raw.into_iter().enumerate() {
            let name = raw
                .name
                .clone()
                .unwrap_or_else(|| format!("test {}", i + 1));
            let at = format!("test {} ({name})", i + 1);
            if !names.insert(name.clone()) {
                self.field(file, &at, "test names must be unique");
            }
            let weight = raw.weight.unwrap_or(1);
            if weight == 0 || weight > 100 {
                self.field(file, &at, "weight is 1–100");
            }
            if let Some(command) = &raw.generate {
                if raw.input.is_some()
                    || raw.calls.is_some()
                    || raw.stdin.is_some()
                    || raw.stdin_file.is_some()
                    || raw.expected.is_some()
                    || raw.expected_file.is_some()
                    || raw.expected_any.is_some()
                {
                    self.field(file, &at, "a generated test has no input or expected answer of its own: the generator makes the input and the reference solution the answer");
                }
                let Some((script_path, args)) = command.split_first() else {
                    self.field(
                        file,
                        &at,
                        "`generate` names a script: [\"generators/x.py\", args…]",
                    );
                    continue;
                };
                if !script_path.ends_with(".py") {
                    self.field(file, &at, "generators are Python scripts (.py)");
                    continue;
                }
                if let Some(script) = self.read(script_path, MAX_SOURCE_BYTES) {
                    pending.push(GeneratedTest {
                        index: i,
                        name,
                        sample: raw.sample,
                        weight,
                        script_path: script_path.clone(),
                        script,
                        args: args.to_vec(),
                    });
                }
                continue;
            }
            if let Some(test) = self.test(mode, comparator, raw, name, weight, &at) {
                tests.push(test);
            }
        }
        if self.problems.len() > before {
            return None;
        }
        let samples =
            tests.iter().filter(|t| t.sample).count() + pending.iter().filter(|t| t.sample).count();
        let total = tests.len() + pending.len();
        if samples == 0 {
            self.problem(
                file,
                None,
                "mark at least one test `\"sample\": true` so candidates see an example",
            );
        }
        if samples == total {
            self.problem(
                file,
                None,
                "add at least one hidden test (not a sample), so that hard-coded answers fail",
            );
        }
        Some(tests)
    }

    pub(super) fn test(
        &mut self,
        mode: &CodeMode,
        comparator: &Comparator,
        raw: RawTest,
        name: String,
        weight: u32,
        at: &str,
    ) -> Option<TestCase> {
        let file = "tests.json";
        let checker = *comparator == Comparator::Checker;
        let (input, expected) = match mode {
            CodeMode::Function { signature } => {
                let Some(mut args) = raw.input else {
                    self.field(
                        file,
                        at,
                        "needs `input`: an object with one entry per parameter",
                    );
                    return None;
                };
                let mut values = Vec::new();
                for param in &signature.params {
                    match args.remove(&param.name) {
                        Some(value) => {
                            if let Err(e) = param.ty.check(&value) {
                                self.field(file, &format!("{at}: input.{}", param.name), e);
                            }
                            values.push(value);
                        }
                        None => self.field(file, at, format!("input has no `{}`", param.name)),
                    }
                }
                for extra in args.keys() {
                    self.field(
                        file,
                        at,
                        format!("input has `{extra}`, which is not a parameter"),
                    );
                }
                let expected = self.expected_value(
                    raw.expected,
                    raw.expected_any,
                    &signature.returns,
                    checker,
                    at,
                )?;
                (TestInput::Args(values), expected)
            }
            CodeMode::Class { class } => {
                let (Some(calls), Some(args)) = (raw.calls, raw.args) else {
                    self.field(file, at, "needs `calls` (the class name, then method names) and `args` (one list per call)");
                    return None;
                };
                if calls.len() != args.len() || calls.is_empty() {
                    self.field(file, at, format!("`calls` has {} entries and `args` {}; they must match and not be empty", calls.len(), args.len()));
                    return None;
                }
                let mut out = Vec::new();
                let mut returns = Vec::new();
                for (k, (call, call_args)) in calls.into_iter().zip(args).enumerate() {
                    let (params, ret) = if k == 0 {
                        if call != class.name {
                            self.field(
                                file,
                                at,
                                format!(
                                    "the first call must be the constructor `{}`, found `{call}`",
                                    class.name
                                ),
                            );
                            return None;
                        }
                        (&class.constructor, crate::challenges::types::Type::Void)
                    } else {
                        match class.method(&call) {
                            Some(method) => (&method.params, method.returns.clone()),
                            None => {
                                self.field(
                                    file,
                                    at,
                                    format!("call {k}: `{call}` is not a method of {}", class.name),
                                );
                                return None;
                            }
                        }
                    };
                    if call_args.len() != params.len() {
                        self.field(
                            file,
                            at,
                            format!(
                                "call {k} (`{call}`) takes {} arguments, got {}",
                                params.len(),
                                call_args.len()
                            ),
                        );
                        return None;
                    }
                    for (param, value) in params.iter().zip(&call_args) {
                        if let Err(e) = param.ty.check(value) {
                            self.field(
                                file,
                                &format!("{at}: call {k} (`{call}`) {}", param.name),
                                e,
                            );
                        }
                    }
                    returns.push(ret);
                    out.push(Call {
                        method: call,
                        args: call_args,
                    });
                }
                let expected = match raw.expected {
                    Some(Value::Array(values)) if values.len() == returns.len() => {
                        for (k, (value, ty)) in values.iter().zip(&returns).enumerate() {
                            if let Err(e) = ty.check(value) {
                                self.field(file, &format!("{at}: expected[{k}]"), e);
                            }
                        }
                        Expected::Value(Value::Array(values))
                    }
                    None if checker => Expected::Checker,
                    _ => {
                        self.field(file, at, format!("`expected` must be a list with one result per call ({}; null for the constructor and void methods)", returns.len()));
                        return None;
                    }
                };
                (TestInput::Calls(out), expected)
            }
            CodeMode::Stdio => {
                let stdin = match (raw.stdin, raw.stdin_file) {
                    (Some(text), None) => text,
                    (None, Some(path)) => self.read(&path, MAX_FILE_BYTES)?,
                    _ => {
                        self.field(file, at, "give exactly one of `stdin` and `stdin_file`");
                        return None;
                    }
                };
                let expected = match (raw.expected, raw.expected_file) {
                    (Some(Value::String(text)), None) => Expected::Stdout(text),
                    (None, Some(path)) => Expected::Stdout(self.read(&path, MAX_FILE_BYTES)?),
                    (None, None) if checker => Expected::Checker,
                    _ => {
                        self.field(file, at, "give the expected output as a string in `expected` or a file in `expected_file`");
                        return None;
                    }
                };
                (TestInput::Stdin(stdin), expected)
            }
        };
        Some(TestCase {
            name,
            sample: raw.sample,
            weight,
            input,
            expected,
        })
    }

    pub(super) fn expected_value(
        &mut self,
        expected: Option<Value>,
        any: Option<Vec<Value>>,
        ty: &crate::challenges::types::Type,
        checker: bool,
        at: &str,
    ) -> Option<Expected> {
        let file = "tests.json";
        match (expected, any) {
            (Some(value), None) => {
                if let Err(e) = ty.check(&value) {
                    self.field(file, &format!("{at}: expected"), e);
                }
                Some(Expected::Value(value))
            }
            (None, Some(values)) if !values.is_empty() => {
                for (k, value) in values.iter().enumerate() {
                    if let Err(e) = ty.check(value) {
                        self.field(file, &format!("{at}: expected_any[{k}]"), e);
                    }
                }
                Some(Expected::AnyOf(values))
            }
            (None, None) if checker => Some(Expected::Checker),
            _ => {
                self.field(
                    file,
                    at,
                    "give exactly one of `expected` and a non-empty `expected_any`",
                );
                None
            }
        }
    }
}
