// resume-cli requires this file by path for PDF export; the code lives in dist/.
module.exports = require('./dist/index.cjs');
