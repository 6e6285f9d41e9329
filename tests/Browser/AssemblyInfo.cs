// One browser journey at a time: on a two-core machine, journeys run side by side (each with its own
// Host and Chromium) starved one another, and a passkey ceremony once waited past its timeout.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
