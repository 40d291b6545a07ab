"""Seeds a moto server with the opsdeck platform across three accounts reached by AssumeRole.

Usage: seed_platform.py ENDPOINT OUTPUT.json

Phase 1 runs without authentication and makes exactly NO_AUTH_REQUESTS requests (the server must be started with
INITIAL_NO_AUTH_ACTION_COUNT set to that number): a read-only role in each account and an operator user with an access
key in the management account. Everything after that is signed and checked by moto. The output file holds the
operator's keys and what was seeded, for the tests to compare against.
"""
import json
import sys
import time
from datetime import datetime, timedelta, timezone

import boto3

ENDPOINT, OUTPUT = sys.argv[1], sys.argv[2]
ROLE = "OpsdeckReadOnly"
EXTERNAL_ID = "opsdeck-ci"
ACCOUNTS = {
    "dev": ("104729364815", "eu-west-1"),
    "staging": ("287514036912", "us-west-2"),
    "prod": ("398126457039", "us-east-1"),
}
NO_AUTH_REQUESTS = 3 * 2 + 3
ALLOW_ALL = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})


def client(service, region="us-east-1", account=None, creds=None):
    """A boto3 client for the moto endpoint; `account` targets an account without credentials (phase 1 only)."""
    keys = creds or {"aws_access_key_id": "AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
    c = boto3.client(service, region_name=region, endpoint_url=ENDPOINT, **keys)
    if account:
        c.meta.events.register("before-sign.*.*", lambda request, **_: request.headers.__setitem__("x-moto-account-id", account))
    return c


# Phase 1: unauthenticated bootstrap (exactly NO_AUTH_REQUESTS requests).
trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]})
for name, (account, _) in ACCOUNTS.items():
    iam = client("iam", account=account)
    iam.create_role(RoleName=ROLE, AssumeRolePolicyDocument=trust)
    iam.put_role_policy(RoleName=ROLE, PolicyName="read", PolicyDocument=ALLOW_ALL)
iam = client("iam", account="123456789012")
iam.create_user(UserName="operator")
key = iam.create_access_key(UserName="operator")["AccessKey"]
iam.put_user_policy(UserName="operator", PolicyName="assume", PolicyDocument=ALLOW_ALL)
operator = {"aws_access_key_id": key["AccessKeyId"], "aws_secret_access_key": key["SecretAccessKey"]}

# Phase 2: everything else, signed, through AssumeRole into each account.
now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
seeded = {"operator": operator, "role": ROLE, "external_id": EXTERNAL_ID, "accounts": {}, "environments": {}}
TEMPLATE = json.dumps({"Resources": {"Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "placeholder"}}}})


def template(topic):
    return TEMPLATE.replace("placeholder", topic)


for name, (account, region) in ACCOUNTS.items():
    sts = client("sts", region=region, creds=operator)
    assumed = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/{ROLE}", RoleSessionName="seed", ExternalId=EXTERNAL_ID)["Credentials"]
    creds = {"aws_access_key_id": assumed["AccessKeyId"], "aws_secret_access_key": assumed["SecretAccessKey"], "aws_session_token": assumed["SessionToken"]}
    env = {"stacks": [], "functions": {}, "tables": {}, "alarms": {}, "flows": {}, "peerings": []}

    cfn = client("cloudformation", region, creds=creds)
    for stack in [f"platform-network-{name}", f"platform-data-{name}", f"sandbox-{name}"]:
        cfn.create_stack(StackName=stack, TemplateBody=template(stack))
    env["stacks"] = [f"platform-data-{name}", f"platform-network-{name}"]
    if name == "prod":
        cfn.create_stack_set(StackSetName="platform-baseline", TemplateBody=template("baseline"))
        env["stack_sets"] = ["platform-baseline"]

    cw = client("cloudwatch", region, creds=creds)
    functions = {"dev": ["dev-csv-processor"], "staging": ["staging-csv-processor", "staging-schema-validator"], "prod": ["prod-csv-processor", "prod-replication-monitor"]}[name]
    for i, function in enumerate(functions):
        invocations = [100 + 10 * i + k for k in range(4)]
        errors = [k * (i + 1) for k in range(4)]
        data = []
        for k in range(4):
            stamp = now - timedelta(minutes=4 - k)  # inside the five-minute window of a poll in this minute or the next
            dims = [{"Name": "FunctionName", "Value": function}]
            data += [
                {"MetricName": "Invocations", "Dimensions": dims, "Timestamp": stamp, "Value": invocations[k], "Unit": "Count"},
                {"MetricName": "Errors", "Dimensions": dims, "Timestamp": stamp, "Value": errors[k], "Unit": "Count"},
                {"MetricName": "Throttles", "Dimensions": dims, "Timestamp": stamp, "Value": 0, "Unit": "Count"},
            ]
            if name == "prod":  # durations make moto fail percentile queries (HTTP 500), as some endpoints refuse them
                data.append({"MetricName": "Duration", "Dimensions": dims, "Timestamp": stamp, "Value": 200.0 + 10 * k, "Unit": "Milliseconds"})
        cw.put_metric_data(Namespace="AWS/Lambda", MetricData=data)
        env["functions"][function] = {"invocations": sum(invocations), "errors": sum(errors), "error_history": errors}
        if name == "prod":
            env["functions"][function]["duration_max"] = 230.0
    table = f"orders-{name}"
    if name == "staging":  # what the detail view reads of the table (the function's settings come from the stub)
        client("dynamodb", region, creds=creds).create_table(
            TableName=table, BillingMode="PAY_PER_REQUEST", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"}])
        group = f"/aws/lambda/{functions[0]}"
        lambda_logs = client("logs", region, creds=creds)
        lambda_logs.create_log_group(logGroupName=group)
        lambda_logs.create_log_stream(logGroupName=group, logStreamName="2026/12/03/[$LATEST]0f1e2d3c")
        stamp = int(time.time() * 1000) - 60_000
        lambda_logs.put_log_events(logGroupName=group, logStreamName="2026/12/03/[$LATEST]0f1e2d3c", logEvents=[
            {"timestamp": stamp, "message": "START RequestId: 6f1c2e3a-0000-4000-8000-000000000001 Version: $LATEST\n"},
            {"timestamp": stamp + 200, "message": "[ERROR] CSVHeaderError: unexpected column 'order_ts' in s3://opsdeck-staging-ingest/orders.csv\n"},
            {"timestamp": stamp + 900, "message": "REPORT RequestId: 6f1c2e3a-0000-4000-8000-000000000001\tDuration: 812.20 ms\tBilled Duration: 813 ms\t\n"},
        ])
        env["detail"] = {"function": functions[0], "table": table, "log_line": "CSVHeaderError: unexpected column 'order_ts'"}
    wcu = [600, 1200, 1800, 2400]
    cw.put_metric_data(Namespace="AWS/DynamoDB", MetricData=[
        {"MetricName": "ConsumedWriteCapacityUnits", "Dimensions": [{"Name": "TableName", "Value": table}], "Timestamp": now - timedelta(minutes=5 - k), "Value": wcu[k]}
        for k in range(4)
    ] + [{"MetricName": "ProvisionedWriteCapacityUnits", "Dimensions": [{"Name": "TableName", "Value": table}], "Timestamp": now - timedelta(minutes=2), "Value": 50}])
    env["tables"][table] = {"consumed_wcu": wcu[-1] / 60, "provisioned_wcu": 50}
    if name == "staging":
        dims = [{"Name": "SourceBucket", "Value": "opsdeck-staging-ingest"}, {"Name": "DestinationBucket", "Value": "opsdeck-prod-ingest"}, {"Name": "RuleId", "Value": "to-prod"}]
        cw.put_metric_data(Namespace="AWS/S3", MetricData=[
            {"MetricName": "ReplicationLatency", "Dimensions": dims, "Timestamp": now - timedelta(minutes=3 - k), "Value": v} for k, v in enumerate([40, 640])
        ])
        env["replication"] = {"opsdeck-staging-ingest": 640}
    alarm = f"{name}-csv-errors"
    cw.put_metric_alarm(AlarmName=alarm, Namespace="AWS/Lambda", MetricName="Errors", Dimensions=[{"Name": "FunctionName", "Value": functions[0]}],
                        Statistic="Sum", Period=60, EvaluationPeriods=1, Threshold=5, ComparisonOperator="GreaterThanThreshold")
    state = "ALARM" if name == "staging" else "OK"
    cw.set_alarm_state(AlarmName=alarm, StateValue=state, StateReason=f"seeded {state}")
    env["alarms"][alarm] = state

    ec2 = client("ec2", region, creds=creds)
    vpc = ec2.create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]
    peer = ec2.create_vpc(CidrBlock="10.2.0.0/16")["Vpc"]["VpcId"]
    peering = ec2.create_vpc_peering_connection(VpcId=vpc, PeerVpcId=peer)["VpcPeeringConnection"]["VpcPeeringConnectionId"]
    env["peerings"] = [peering]
    logs = client("logs", region, creds=creds)
    group = f"/vpc/flow-logs/{name}"
    logs.create_log_group(logGroupName=group)
    logs.create_log_stream(logGroupName=group, logStreamName="eni-1")
    ec2.create_flow_logs(ResourceIds=[vpc], ResourceType="VPC", TrafficType="ALL", LogDestinationType="cloud-watch-logs",
                         LogGroupName=group, DeliverLogsPermissionArn=f"arn:aws:iam::{account}:role/flow-logs")
    start = int(time.time()) - 90
    records = [
        f"2 {account} eni-1 10.1.0.5 10.1.0.9 40000 443 6 10 5000 {start} {start + 60} ACCEPT OK",
        f"2 {account} eni-1 10.1.0.6 10.1.0.9 40001 443 6 10 3000 {start} {start + 60} ACCEPT OK",
        f"2 {account} eni-1 203.0.113.7 10.1.0.9 51000 22 6 1 60 {start} {start + 60} REJECT OK",
        f"2 {account} eni-1 203.0.113.8 10.1.0.9 51001 22 6 1 60 {start} {start + 60} REJECT OK",
        f"2 {account} eni-1 - - - - - - - {start} {start + 60} - NODATA",
    ]
    logs.put_log_events(logGroupName=group, logStreamName="eni-1", logEvents=[{"timestamp": (start + 30) * 1000, "message": r} for r in records])
    env["flows"] = {"443/tcp": {"accepted": 2, "rejected": 0}, "22/tcp": {"accepted": 0, "rejected": 2}}
    seeded["environments"][name] = env
    seeded["accounts"][name] = {"account_id": account, "region": region}

# An organization managed from the operator's account, with one more member account for discovery.
org = client("organizations", creds=operator)
org.create_organization(FeatureSet="ALL")
sandbox = org.create_account(Email="sandbox@example.com", AccountName="Ops Sandbox")["CreateAccountStatus"]["AccountId"]
seeded["organization"] = {"sandbox": sandbox}

with open(OUTPUT, "w") as out:
    json.dump(seeded, out, indent=2, sort_keys=True)
