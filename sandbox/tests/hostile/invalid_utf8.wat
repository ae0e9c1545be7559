;; expect: ok
;; why: Bytes written straight through fd_write reach stdout unchanged, even when they are not UTF-8 (0xff 0xfe 'A' '\n').

(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  ;; An iovec at address 0: buf = 16, len = 4 (little-endian i32s).
  (data (i32.const 0) "\10\00\00\00\04\00\00\00")
  ;; The payload at address 16.
  (data (i32.const 16) "\ff\fe\41\0a")
  (func (export "_start")
    ;; fd_write(fd = 1, iovs = 0, iovs_len = 1, nwritten = 8) returns an errno.
    (if (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))
      (then unreachable))))
