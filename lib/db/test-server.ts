/** The test runner's server: it passes the URL to the tests as HOPPER_TEST_SERVER_URL. */
export { startThrowawayServer as startTestServer } from "./database-url";
