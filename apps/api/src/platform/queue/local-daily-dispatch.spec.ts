import { localClock } from './local-daily-dispatch.js';

describe('localClock (when is "tonight" for a cooperative)', () => {
  it('gives the local date and time of an instant in the cooperative’s zone', () => {
    const instant = new Date('2026-11-25T23:30:00Z');
    expect(localClock(instant, 'Africa/Abidjan')).toEqual({ date: '2026-11-25', time: '23:30' });
    expect(localClock(instant, 'Europe/Paris')).toEqual({ date: '2026-11-26', time: '00:30' });
    expect(localClock(instant, 'America/Port-au-Prince')).toEqual({ date: '2026-11-25', time: '18:30' });
  });

  it('follows daylight saving time', () => {
    expect(localClock(new Date('2026-07-01T01:15:00Z'), 'Europe/Paris')).toEqual({ date: '2026-07-01', time: '03:15' });
  });
});
