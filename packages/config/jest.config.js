module.exports = { ...require('./jest/node.js') };
