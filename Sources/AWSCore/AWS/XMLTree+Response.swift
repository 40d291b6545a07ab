import FoundationEssentials

extension XMLTree {
    /// Parses a query-protocol response body, naming the call when it is not XML.
    public static func response(_ data: Data, for call: APICall) throws -> XMLTree {
        do {
            return try XMLReader.parse(data)
        } catch {
            throw AWSError.malformed(call, "the response is not XML (\(error))")
        }
    }
}
