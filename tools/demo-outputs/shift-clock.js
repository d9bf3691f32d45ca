// Loaded with `node --require` into the demo by `demo-outputs stability`: moves the process's clock by
// DEMO_OUTPUTS_CLOCK_SHIFT_MS (Date.now() and `new Date()`; dates built from a value are left alone),
// so that a second run of the same code lands on another day, hour and UTC offset and every stamp
// the normalization must replace shows up as a difference.
"use strict";
const shift = Number(process.env.DEMO_OUTPUTS_CLOCK_SHIFT_MS ?? "0");
if (!Number.isFinite(shift))
  throw new Error(`DEMO_OUTPUTS_CLOCK_SHIFT_MS must be a number of milliseconds, got "${process.env.DEMO_OUTPUTS_CLOCK_SHIFT_MS}"`);
const RealDate = Date;
class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + shift);
    else super(...args);
  }
  static now() {
    return RealDate.now() + shift;
  }
}
globalThis.Date = ShiftedDate;
