/**
 * Preloaded into a process the bench times (`node --import dist/bench/max-rss.js …`): as the
 * process exits, it writes its peak resident set size to stderr (`maxrss-kb N`), which a parent
 * cannot read once the child is gone.
 */
process.on('exit', () => {
	process.stderr.write(`maxrss-kb ${process.resourceUsage().maxRSS}\n`);
});
