import { expect } from "chai";
import { scheduleExpressionProblem } from "../../../jobs/schedule-expression";
import { ConfigError, loadConfig } from "../../../src/config/load-config";

describe("the schedule expression (EASR_SCHEDULE)", () => {
  it("accepts a valid expression outside 02:00-02:59, with 5 or 6 fields", () => {
    expect(scheduleExpressionProblem("30 6 * * *")).to.equal(null);
    expect(scheduleExpressionProblem("0 30 6 * * 1-5")).to.equal(null);
    expect(scheduleExpressionProblem("0 1,3 * * *")).to.equal(null);
  });

  it("refuses an invalid expression and one that may fire in the daylight-saving hour", () => {
    expect(scheduleExpressionProblem("61 6 * * *")).to.match(/not a valid cron expression/);
    expect(scheduleExpressionProblem("every day")).to.match(/not a valid cron expression/);
    for (const expression of ["30 2 * * *", "0 1-3 * * *", "*/15 * * * *", "0 */2 * * *", "@hourly"]) {
      expect(scheduleExpressionProblem(expression), expression).to.match(/between 02:00 and 02:59/);
    }
  });

  it("is validated with the configuration: default 06:30, a bad value names the variable", () => {
    expect(loadConfig({}).schedule).to.equal("30 6 * * *");
    expect(loadConfig({}).firstMonth).to.equal(undefined);
    expect(loadConfig({ EASR_SCHEDULE: "0 7 * * 1-5", EASR_FIRST_MONTH: "2017-09" })).to.include({
      schedule: "0 7 * * 1-5",
      firstMonth: "2017-09",
    });
    expect(() => loadConfig({ EASR_SCHEDULE: "30 2 * * *" })).to.throw(
      ConfigError,
      /EASR_SCHEDULE: "30 2 \* \* \*" may fire between 02:00 and 02:59/,
    );
    expect(() => loadConfig({ EASR_SCHEDULE: "daily" })).to.throw(ConfigError, /EASR_SCHEDULE: "daily" is not a valid cron expression/);
    expect(() => loadConfig({ EASR_FIRST_MONTH: "2017-13" })).to.throw(ConfigError, /EASR_FIRST_MONTH: must be a month YYYY-MM/);
  });
});
