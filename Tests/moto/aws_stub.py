"""A loopback front for moto: answers the operations moto lacks from recorded AWS CLI responses, forwards the rest.

Usage: aws_stub.py PORT MOTO_URL LOG.jsonl [FAULTS.json]

Stubbed: CloudFormation DetectStackDrift, DescribeStackDriftDetectionStatus, DescribeStackResourceDrifts (the AWS CLI
example, turned back into the query protocol's XML), and CloudWatch DisableAlarmActions, EnableAlarmActions and
DescribeAlarmHistory. Every stubbed call is appended to LOG as {"action": ..., "params": ...}. Everything else is
forwarded to moto unchanged (same path, headers and body, so moto still checks the signature) and logged as
{"action": ..., "forwarded": true}, so LOG names every call that reached the stub.

Lambda's REST GETs (GetFunctionConfiguration, GetFunctionConcurrency, ListEventSourceMappings) are answered here:
moto rejects the SigV4 signature of every Lambda GET, boto3's own included, so they cannot be forwarded with
signature checking on. The stub checks that the request is SigV4-signed for the lambda service, then answers from the
AWS CLI's get-function example (responses/lambda-GetFunction.awscli.json) with the function's name, and the settings
lambda.json beside LOG gives it ({"name": {"Runtime": ..., "Environment": {"Variables": {...}}}}), laid over it;
a function lambda.json does not name is a 404 ResourceNotFoundException.

Logs Insights' StartQuery and GetQueryResults are answered from the AWS CLI's examples (moto runs no query language:
it returns the raw events whatever the query says): StartQuery with the example's queryId, GetQueryResults first
"Running" with no rows, then the example's rows and statistics.

DynamoDB DescribeTable is forwarded and, for tables named in replicas.json beside LOG ({"table": ["us-east-2"]}), given
the global-table `Replicas` list moto does not keep. GET requests (S3) are forwarded unchanged.

FAULTS.json, re-read on every request, injects failures: {"mode": M, "operations": [...]} where M is "throttle"
(HTTP 400 Throttling in the caller's protocol), "5xx" (HTTP 503 with an HTML page), "timeout" (no answer for 30 s),
"garbage" (HTTP 200 with bytes that are neither XML nor JSON), "drop" (the connection closes without an answer) or
"none"; "operations" limits it to those actions (default: all).
"""
import http.client
import json
import os
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, MOTO, LOG = int(sys.argv[1]), urllib.parse.urlparse(sys.argv[2]), sys.argv[3]
FAULTS = sys.argv[4] if len(sys.argv) > 4 else None
REPLICAS = os.path.join(os.path.dirname(os.path.abspath(LOG)), "replicas.json")
FUNCTIONS = os.path.join(os.path.dirname(os.path.abspath(LOG)), "lambda.json")
RESPONSES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "TelemetryTests", "Resources", "responses")
lock = threading.Lock()


def xml(value, name=None):
    """A JSON value in the query protocol's XML shape: lists become <member> items."""
    if isinstance(value, dict):
        return "".join(f"<{k}>{xml(v, k)}</{k}>" for k, v in value.items())
    if isinstance(value, list):
        return "".join(f"<member>{xml(v)}</member>" for v in value)
    text = str(value)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def query(action, result):
    return (f'<{action}Response xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><{action}Result>{result}</{action}Result>'
            f"<ResponseMetadata><RequestId>stub-0001</RequestId></ResponseMetadata></{action}Response>").encode()


def drifts():
    with open(os.path.join(RESPONSES, "cloudformation-DescribeStackResourceDrifts.awscli.json")) as f:
        sample = json.load(f)
    return query("DescribeStackResourceDrifts", xml(sample))


QUERIES = {}


def sample(name):
    with open(os.path.join(RESPONSES, name)) as f:
        return json.load(f)


def query_results(p):
    """The example's results, after one answer that says the query is still running."""
    with lock:
        asked = QUERIES[p.get("queryId")] = QUERIES.get(p.get("queryId"), 0) + 1
    if asked == 1:
        return json.dumps({"status": "Running", "results": [], "statistics": {"recordsMatched": 0.0, "recordsScanned": 0.0, "bytesScanned": 0.0}}).encode()
    return json.dumps(sample("logs-GetQueryResults.awscli.json")).encode()


STUBS = {
    "StartQuery": lambda p: ("application/x-amz-json-1.1", json.dumps(sample("logs-StartQuery.awscli.json")).encode()),
    "GetQueryResults": lambda p: ("application/x-amz-json-1.1", query_results(p)),
    "DetectStackDrift": lambda p: ("text/xml", query("DetectStackDrift", "<StackDriftDetectionId>stub-detection-1</StackDriftDetectionId>")),
    "DescribeStackDriftDetectionStatus": lambda p: ("text/xml", query("DescribeStackDriftDetectionStatus", xml({
        "StackId": "arn:aws:cloudformation:stub", "StackDriftDetectionId": p.get("StackDriftDetectionId", ""), "StackDriftStatus": "DRIFTED",
        "DetectionStatus": "DETECTION_COMPLETE", "DriftedStackResourceCount": 1, "Timestamp": "2026-11-22T14:00:00Z"}))),
    "DescribeStackResourceDrifts": lambda p: ("text/xml", drifts()),
    "DisableAlarmActions": lambda p: ("application/x-amz-json-1.0", b"{}"),
    "EnableAlarmActions": lambda p: ("application/x-amz-json-1.0", b"{}"),
    "DescribeAlarmHistory": lambda p: ("application/x-amz-json-1.0", json.dumps({"AlarmHistoryItems": [
        {"AlarmName": p.get("AlarmName"), "Timestamp": 1795183500.0, "HistoryItemType": "StateUpdate",
         "HistorySummary": "Alarm updated from OK to ALARM"},
        {"AlarmName": p.get("AlarmName"), "Timestamp": 1795180000.0, "HistoryItemType": "ConfigurationUpdate",
         "HistorySummary": "Alarm \"%s\" created" % p.get("AlarmName")}]}).encode()),
}


def fault(action):
    """The fault to inject for `action`, if the faults file asks for one."""
    try:
        with open(FAULTS) as f:
            rule = json.load(f)
    except (TypeError, OSError, ValueError):
        return None
    operations = rule.get("operations")
    return rule.get("mode") if rule.get("mode") != "none" and (not operations or action in operations) else None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        target = self.headers.get("X-Amz-Target")
        if target:
            action, params = target.split(".")[-1], json.loads(body or b"{}")
        else:
            form = urllib.parse.parse_qs(body.decode())
            action, params = form.get("Action", [""])[0], {k: v[0] for k, v in form.items()}
        injected = fault(action)
        if injected == "drop":
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if injected == "timeout":
            import time
            time.sleep(30)
            return
        if injected == "throttle":
            if target:
                self.reply(400, {"Content-Type": "application/x-amz-json-1.0"}, b'{"__type":"ThrottlingException","message":"Rate exceeded"}')
            else:
                self.reply(400, {"Content-Type": "text/xml"}, b"<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>")
            return
        if injected == "5xx":
            self.reply(503, {"Content-Type": "text/html"}, b"<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>")
            return
        if injected == "garbage":
            self.reply(200, {"Content-Type": "text/xml"}, b"\x00\x17garbage{<<not a response")
            return
        if action in STUBS:
            with lock, open(LOG, "a") as log:
                log.write(json.dumps({"action": action, "params": params}) + "\n")
            content_type, answer = STUBS[action](params)
            self.reply(200, {"Content-Type": content_type}, answer)
            return
        status, headers, answer = self.forward(action, body)
        if action == "DescribeTable" and status == 200 and os.path.exists(REPLICAS):
            regions = json.load(open(REPLICAS)).get(params.get("TableName"), [])
            if regions:
                table = json.loads(answer)
                table["Table"]["Replicas"] = [{"RegionName": r, "ReplicaStatus": "ACTIVE"} for r in regions]
                answer = json.dumps(table).encode()
        self.reply(status, headers, answer)

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path.startswith(("/2015-03-31/", "/2019-09-30/")):
            self.reply(*self.lambda_get(url))
            return
        self.reply(*self.forward("GET " + url.path, b""))

    def lambda_get(self, url):
        """Answers a Lambda GET from the AWS CLI sample and lambda.json, once its SigV4 signature names the lambda service."""
        json_type = {"Content-Type": "application/json"}
        authorization = self.headers.get("Authorization", "")
        if not authorization.startswith("AWS4-HMAC-SHA256 Credential=") or "/lambda/aws4_request" not in authorization or not self.headers.get("X-Amz-Date"):
            return 403, {**json_type, "x-amzn-ErrorType": "IncompleteSignatureException"}, b'{"message":"not SigV4-signed for lambda"}'
        parts = url.path.split("/")
        query = urllib.parse.parse_qs(url.query)
        name = urllib.parse.unquote(parts[3]) if len(parts) > 3 and parts[3] else query.get("FunctionName", [""])[0]
        action = {"configuration": "GetFunctionConfiguration", "concurrency": "GetFunctionConcurrency"}.get(parts[-1], "ListEventSourceMappings")
        with lock, open(LOG, "a") as log:
            log.write(json.dumps({"action": action, "params": {"FunctionName": name}}) + "\n")
        functions = json.load(open(FUNCTIONS)) if os.path.exists(FUNCTIONS) else {}
        if name not in functions:
            return 404, {**json_type, "x-amzn-ErrorType": "ResourceNotFoundException"}, json.dumps({"Type": "User", "message": f"Function not found: {name}"}).encode()
        with open(os.path.join(RESPONSES, "lambda-GetFunction.awscli.json")) as f:
            sample = json.load(f)
        if action == "GetFunctionConcurrency":
            return 200, json_type, json.dumps(sample["Concurrency"]).encode()
        if action == "ListEventSourceMappings":
            return 200, json_type, json.dumps({"EventSourceMappings": []}).encode()
        configuration = {**sample["Configuration"], "FunctionName": name, "FunctionArn": f"arn:aws:lambda:us-west-2:123456789012:function:{name}", **functions[name]}
        return 200, json_type, json.dumps(configuration).encode()

    def forward(self, action, body):
        """Sends the request to moto unchanged (moto checks its signature) and returns status, headers and body."""
        with lock, open(LOG, "a") as log:
            log.write(json.dumps({"action": action, "forwarded": True}) + "\n")
        connection = http.client.HTTPConnection(MOTO.hostname, MOTO.port, timeout=30)
        connection.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
        for name, value in self.headers.items():
            connection.putheader(name, value)
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, {k: v for k, v in response.getheaders() if k.lower() not in ("content-length", "transfer-encoding", "connection")}, response.read()

    def reply(self, status, headers, body):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
