import { addMonths, isIsoDate, monthsBetween, today } from './dates';

describe('policy dates', () => {
  it('adds whole months, clamping to the end of a shorter month', () => {
    expect(addMonths('2027-04-05', 12)).toBe('2028-04-05');
    expect(addMonths('2027-04-05', 9)).toBe('2028-01-05');
    expect(addMonths('2027-05-31', 9)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-25', 0)).toBe('2026-11-25');
  });

  it('counts whole months between dates', () => {
    expect(monthsBetween('2027-04-05', '2027-06-01')).toBe(1);
    expect(monthsBetween('2027-04-05', '2028-04-05')).toBe(12);
    expect(monthsBetween('2027-04-05', '2027-01-01')).toBe(0);
  });

  it('accepts only real calendar dates as YYYY-MM-DD', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('27-01-01')).toBe(false);
    expect(() => addMonths('tomorrow', 1)).toThrow('invalid date "tomorrow": want YYYY-MM-DD');
  });

  it('takes today in UTC', () => {
    expect(today(new Date('2026-11-25T23:30:00Z'))).toBe('2026-11-25');
  });
});
