/// Turns an ISO date-time (`2022-01-31T12:00:00Z`) or `SOURCE_DATE_EPOCH` into seconds
/// since 1970, without time-zone or locale surprises.
package enum ReproducibleTime {
    package static func seconds(iso: String?, environment: [String: String]) -> Int? {
        if let epoch = environment["SOURCE_DATE_EPOCH"], let value = Int(epoch) { return value }
        guard let iso else { return nil }
        let digits = iso.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard digits.count >= 3 else { return nil }
        let (y, m, d) = (digits[0], digits[1], digits[2])
        let time = digits.count >= 6 ? digits[3] * 3600 + digits[4] * 60 + digits[5] : 0
        // days_from_civil (Howard Hinnant).
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return (era * 146_097 + doe - 719_468) * 86_400 + time
    }
}
