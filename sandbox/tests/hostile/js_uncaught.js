// expect: runtime_error
// exit: 1
// why: An uncaught exception is a runtime error with exit status 1, as in Node.

null.property;
