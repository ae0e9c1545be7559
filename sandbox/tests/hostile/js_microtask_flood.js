// expect: time_limit
// why: A promise chain that re-queues itself forever is stopped like any other endless loop.

// Not returned, so promises do not chain: memory stays flat and only time runs out.
function again() { Promise.resolve().then(again); }
again();
