import FoundationEssentials
import Glibc

/// What came back: status, headers (names lower-cased) and body.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The server's clock from the `Date` header (RFC 1123), if it sent one.
    public var serverDate: Date? {
        headers["date"].flatMap(Self.httpDate)
    }

    /// Parses an RFC 1123 time, "Sun, 06 Nov 1994 08:49:37 GMT".
    static func httpDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 6, parts[5] == "GMT" || parts[5] == "UTC", let day = Int(parts[1]), let month = months.firstIndex(of: String(parts[2])),
              let year = Int(parts[3]) else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (1...31).contains(day), (0...23).contains(clock[0]), (0...59).contains(clock[1]), (0...60).contains(clock[2]) else { return nil }
        // timegm, not Calendar: TimeZone(identifier:) needs FoundationInternationalization, which the static build lacks.
        var utc = tm()
        (utc.tm_year, utc.tm_mon, utc.tm_mday) = (Int32(year - 1900), Int32(month), Int32(day))
        (utc.tm_hour, utc.tm_min, utc.tm_sec) = (Int32(clock[0]), Int32(clock[1]), Int32(clock[2]))
        return Date(timeIntervalSince1970: Double(timegm(&utc)))
    }
}
