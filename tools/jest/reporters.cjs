const path = require('node:path');

/** Reporters for a project: Jest's own, and a summary file for tools/test.sh. */
module.exports = (name) => ['default', [path.join(__dirname, 'summary-reporter.cjs'), { name }]];
