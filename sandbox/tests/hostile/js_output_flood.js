// expect: output_limit
// why: Printing without end ends the run as Output Limit Exceeded.

for (let i = 0; ; i++) console.log("flood line number " + i);
