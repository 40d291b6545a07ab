import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

/// Signing, retries, clock skew and credential refresh of the live client, over a scripted transport.
@Suite struct AWSClientTests {
    static let ok = HTTPResponse.text(200, "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::104729364815:user/op</Arn><Account>104729364815</Account></GetCallerIdentityResult></GetCallerIdentityResponse>")
    static let throttled = HTTPResponse.text(400, "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>")
    let call = APICall(.sts, "GetCallerIdentity", .query([]))

    final class Sleeps: @unchecked Sendable {
        let lock = NSLock()
        var values: [Double] = []
        func add(_ v: Double) { lock.withLock { values.append(v) } }
    }

    func client(_ transport: ScriptedTransport, credentials: (any CredentialProvider)? = StaticCredentialProvider(Credentials(accessKeyId: "AKID", secretAccessKey: "SECRET", sessionToken: "TOKEN")), sleeps: Sleeps = Sleeps(), quota: RetryQuota = RetryQuota()) -> AWSClient {
        var client = AWSClient(region: "eu-west-1", credentials: credentials, transport: transport, endpoints: EndpointResolver(environment: [:]), retry: RetryPolicy(quota: quota))
        client.sleep = { sleeps.add($0) }
        client.jitter = { 0.5 }
        client.now = { Date(timeIntervalSince1970: 1_795_000_000) }
        return client
    }

    @Test func callsThatChangeAWSNeverLeaveWithoutAllowActions() async throws {
        let transport = ScriptedTransport([.success(.text(200, "{}")), .success(.text(200, "{}"))])
        var readOnly = client(transport)
        for operation in ["DisableAlarmActions", "EnableAlarmActions", "DeleteAlarms", "PutMetricAlarm", "DetectStackDrift", "SetAlarmState", "SomethingNew"] {
            await #expect(throws: AWSError.self) { try await readOnly.perform(APICall(.cloudWatch, operation, .json([:]))) }
            do {
                _ = try await readOnly.perform(APICall(.cloudWatch, operation, .json([:])))
            } catch let error as AWSError {
                #expect(error.code == "ReadOnly" && error.description.contains("start opsdeck with --allow-actions"))
            }
        }
        #expect(transport.count == 0, "nothing was sent")
        _ = try await readOnly.perform(APICall(.cloudWatch, "DescribeAlarms", .json([:])))
        #expect(transport.count == 1, "reading calls go out")
        readOnly.allowsActions = true
        _ = try await readOnly.perform(APICall(.cloudWatch, "EnableAlarmActions", .json([:])))
        #expect(transport.count == 2)
        let reading = ["GetMetricData", "DescribeStacks", "ListStackSets", "FilterLogEvents", "AssumeRole", "AssumeRoleWithWebIdentity", "GetCallerIdentity", "StartQuery", "CreateToken"]
        #expect(reading.allSatisfy { !APICall(.cloudWatch, $0, .json([:])).changesAWS })
    }

    @Test func signsQueryCallsForTheRegionalEndpoint() async throws {
        let transport = ScriptedTransport([.success(Self.ok)])
        let identity = try await STSClient(client(transport)).callerIdentity()
        #expect(identity.account == "104729364815")
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://sts.eu-west-1.amazonaws.com/")
        #expect(String(decoding: request.body, as: UTF8.self) == "Action=GetCallerIdentity&Version=2011-06-15")
        let authorization = try #require(transport.header("Authorization", of: 0))
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKID/20261118/eu-west-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature="))
        #expect(transport.header("X-Amz-Security-Token", of: 0) == "TOKEN")
        #expect(!request.headers.contains { $0.value.contains("SECRET") })
    }

    @Test func jsonCallsCarryTargetAndContentType() async throws {
        let transport = ScriptedTransport([.success(.text(200, #"{"MetricAlarms":[]}"#))])
        _ = try await CloudWatchClient(client(transport)).alarms(environment: "dev")
        #expect(transport.header("X-Amz-Target", of: 0) == "GraniteServiceVersion20100801.DescribeAlarms")
        #expect(transport.header("Content-Type", of: 0) == "application/x-amz-json-1.0")
        #expect(transport.requests[0].url.host == "monitoring.eu-west-1.amazonaws.com")
    }

    @Test func throttlingBacksOffWithJitterThenSucceeds() async throws {
        let transport = ScriptedTransport([.success(Self.throttled), .failure(TransportError(.timeout, "timed out")), .success(Self.ok)])
        let sleeps = Sleeps()
        let quota = RetryQuota()
        _ = try await STSClient(client(transport, sleeps: sleeps, quota: quota)).callerIdentity()
        #expect(transport.count == 3)
        #expect(sleeps.values == [0.5, 1.0])
        #expect(quota.available == 500 - 5 - 10 + 1)
    }

    @Test func givesUpAfterThreeAttemptsWithTheLastError() async {
        let transport = ScriptedTransport([.success(Self.throttled), .success(Self.throttled), .success(Self.throttled), .success(Self.ok)])
        await #expect { _ = try await STSClient(client(transport)).callerIdentity() } throws: { ($0 as? AWSError)?.code == "Throttling" }
        #expect(transport.count == 3)
    }

    @Test func emptyQuotaStopsRetries() async {
        let transport = ScriptedTransport([.success(Self.throttled), .success(Self.ok)])
        await #expect(throws: AWSError.self) { _ = try await STSClient(client(transport, quota: RetryQuota(capacity: 4))).callerIdentity() }
        #expect(transport.count == 1)
    }

    @Test func accessDeniedIsNotRetried() async {
        let denied = HTTPResponse.text(403, "<ErrorResponse><Error><Code>AccessDenied</Code><Message>not allowed</Message></Error></ErrorResponse>")
        let transport = ScriptedTransport([.success(denied), .success(Self.ok)])
        await #expect { _ = try await STSClient(client(transport)).callerIdentity() } throws: { "\($0)" == "sts GetCallerIdentity: AccessDenied: not allowed (HTTP 403)" }
        #expect(transport.count == 1)
    }

    @Test func clockSkewIsLearnedFromTheDateHeaderAndTheRetryIsSignedWithServerTime() async throws {
        let skewed = HTTPResponse.text(400, "<ErrorResponse><Error><Code>RequestExpired</Code><Message>Request has expired.</Message></Error></ErrorResponse>",
                                       headers: ["date": "Fri, 22 Nov 2026 20:00:00 GMT"])
        let transport = ScriptedTransport([.success(skewed), .success(Self.ok)])
        let client = client(transport)
        _ = try await STSClient(client).callerIdentity()
        #expect(transport.header("X-Amz-Date", of: 0) == "20261118T110640Z")
        #expect(transport.header("X-Amz-Date", of: 1) == "20261122T200000Z")
        #expect(abs(client.skew.current - (AWSDate.parse("2026-11-22T20:00:00Z")!.timeIntervalSince1970 - 1_795_000_000)) < 1)
    }

    @Test func expiredCredentialsAreRefetchedOnce() async throws {
        let expired = HTTPResponse.text(400, "<ErrorResponse><Error><Code>ExpiredToken</Code><Message>expired</Message></Error></ErrorResponse>")
        let transport = ScriptedTransport([.success(expired), .success(Self.ok)])
        let counter = Sleeps()
        let provider = CachingCredentialProvider {
            counter.add(1)
            return Credentials(accessKeyId: "AKID\(counter.values.count)", secretAccessKey: "S")
        }
        _ = try await STSClient(client(transport, credentials: provider)).callerIdentity()
        #expect(transport.header("Authorization", of: 0)?.contains("Credential=AKID1/") == true)
        #expect(transport.header("Authorization", of: 1)?.contains("Credential=AKID2/") == true)
    }

    @Test func unsignedClientSendsNoAuthorization() async throws {
        let transport = ScriptedTransport([.success(Self.ok)])
        _ = try await STSClient(client(transport, credentials: nil)).callerIdentity()
        #expect(transport.header("Authorization", of: 0) == nil)
    }
}
