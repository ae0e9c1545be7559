;; expect: time_limit
;; why: A bare wasm loop with no calls at all is still interrupted by fuel or the epoch deadline.

(module
  (memory (export "memory") 1)
  (func (export "_start")
    (loop $spin
      (br $spin))))
