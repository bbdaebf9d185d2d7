#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// RFC 3339 timestamps as the API server writes them (`2026-11-20T10:00:00Z`, with
/// fractional seconds or an offset at times), read and written with the Gregorian
/// calendar's arithmetic: Foundation's formatters would link its ICU data into svcwiz.
package enum RFC3339 {
    /// The moment `text` names; nil when it is not `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`.
    package static func date(_ text: String) -> Date? {
        var s = Substring(text).utf8[...]
        func number(_ digits: Int) -> Int? {
            guard s.count >= digits else { return nil }
            var value = 0
            for byte in s.prefix(digits) {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            s = s.dropFirst(digits)
            return value
        }
        func take(_ character: Unicode.Scalar) -> Bool {
            guard s.first == UInt8(ascii: character) else { return false }
            s = s.dropFirst()
            return true
        }
        guard let year = number(4), take("-"), let month = number(2), take("-"), let day = number(2),
              take("T") || take("t"), let hour = number(2), take(":"), let minute = number(2), take(":"),
              let second = number(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        var fraction = 0.0
        if take(".") {
            var scale = 0.1, digits = 0
            while let byte = s.first, (0x30...0x39).contains(byte) {
                fraction += Double(byte - 0x30) * scale
                scale /= 10
                digits += 1
                s = s.dropFirst()
            }
            guard digits > 0 else { return nil }
        }
        var offset = 0
        if !(take("Z") || take("z")) {
            let sign: Int
            if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
            guard let hours = number(2), take(":"), let minutes = number(2), hours < 24, minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard s.isEmpty else { return nil }
        let seconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// The UTC day of `date`: `2026-11-20`.
    package static func day(_ date: Date) -> String {
        let (year, month, day) = civil(Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// The time of day of `date`, `utcOffset` seconds east of UTC: `14:05:09`.
    package static func time(_ date: Date, utcOffset: Int) -> String {
        let seconds = Int((date.timeIntervalSince1970).rounded(.down)) + utcOffset
        let inDay = ((seconds % 86_400) + 86_400) % 86_400
        return pad(inDay / 3600, 2) + ":" + pad(inDay / 60 % 60, 2) + ":" + pad(inDay % 60, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The Gregorian date `days` after 1970-01-01 (`civil_from_days`).
    private static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
