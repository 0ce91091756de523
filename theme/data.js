// `jsonresume-theme-camera-ready/data` where package.json "exports" is not read (TypeScript's
// node10 resolution); everywhere else "exports" maps it to dist/data.*.
module.exports = require('./dist/data.cjs');
