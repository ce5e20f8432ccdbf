// A free TCP port on the loopback interface, for servers the tests start: the same helper the
// demo's farm uses. Another process could take the port before the caller binds it; on a test
// machine that race is rare, and a server that then fails to bind fails loudly with its output.
export { freePort } from '../../demo/server-process.mjs';
