;; expect: memory_limit
;; wall-ms: 5000
;; why: memory.grow is refused (returns -1) at the memory limit, and the trap that follows is reported as memory_limit.

(module
  (memory (export "memory") 1)
  (func (export "_start")
    ;; Grow by 16 pages (1 MiB) until the sandbox says no...
    (loop $grow
      (br_if $grow
        (i32.ne (memory.grow (i32.const 16)) (i32.const -1))))
    ;; ...then give up the way an allocator does: trap.
    unreachable))
