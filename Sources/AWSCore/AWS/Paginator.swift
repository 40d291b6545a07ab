import FoundationEssentials

/// Every page of a NextToken-style operation, followed as soto's and botocore's paginators follow them: `call(token)`
/// makes each page's call (nil for the first) and `read` takes a page's items and its next token (nil or empty: the
/// last page). A token that comes back a second time fails the call, as botocore's "The same next token was received
/// twice" does, unless `sameTokenEnds` (FilterLogEvents may hand its last token back); so do more than `maxPages`
/// pages. A broken or hostile endpoint cannot keep opsdeck paging for ever.
extension ExchangeSource {
    public func paginate<Item>(maxItems: Int = .max, maxPages: Int = 1000, sameTokenEnds: Bool = false,
                               _ call: (String?) -> APICall, read: (Data, APICall) throws -> (items: [Item], next: String?)) async throws -> [Item] {
        var items: [Item] = []
        var seen = Set<String>()
        var token: String?
        for _ in 0..<maxPages {
            let request = call(token)
            let page = try read(try await perform(request), request)
            items += page.items
            guard let next = page.next, !next.isEmpty, items.count < maxItems else { return items }
            if next == token && sameTokenEnds { return items }
            guard seen.insert(next).inserted else {
                throw AWSError.malformed(request, "the same next token came back twice, so its pages would never end")
            }
            token = next
        }
        throw AWSError.malformed(call(token), "more than \(maxPages) pages")
    }
}
