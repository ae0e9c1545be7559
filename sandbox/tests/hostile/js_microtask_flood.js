// expect: time_limit
// why: A promise chain that re-queues itself forever is stopped like any other endless loop.

function again() { return Promise.resolve().then(again); }
again();
