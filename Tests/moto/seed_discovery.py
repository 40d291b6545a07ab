"""Adds to a seeded moto platform (seed_platform.py) a dev stack that discovery must find with no watch list: a Lambda
function, a DynamoDB table with a global-table replica, and a bucket replicating to the staging account.

Usage: seed_discovery.py ENDPOINT SEEDED.json OUTPUT.json
"""
import json
import sys

from seeded_account import account_clients

ENDPOINT, SEEDED, OUTPUT = sys.argv[1], sys.argv[2], sys.argv[3]
seeded = json.load(open(SEEDED))
dev, region = seeded["accounts"]["dev"]["account_id"], seeded["accounts"]["dev"]["region"]
staging = seeded["accounts"]["staging"]["account_id"]
client = account_clients(ENDPOINT, seeded, dev, region)


found = {"stack": "platform-orders-dev", "function": "dev-orders-ingest", "table": "dev-orders-ledger", "replica_region": "us-east-2",
         "bucket": "opsdeck-dev-ledger-exports", "destination_bucket": "opsdeck-staging-ledger-replica", "rule": "to-staging"}
trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
template = {"Resources": {
    "IngestRole": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "dev-orders-ingest-role", "AssumeRolePolicyDocument": trust}},
    "Ingest": {"Type": "AWS::Lambda::Function", "Properties": {
        "FunctionName": found["function"], "Runtime": "python3.12", "Handler": "index.handler",
        "Role": {"Fn::GetAtt": ["IngestRole", "Arn"]}, "Code": {"ZipFile": "def handler(event, context):\n    return None\n"}}},
    "Ledger": {"Type": "AWS::DynamoDB::Table", "Properties": {
        "TableName": found["table"], "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
        "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"}}},
    "Exports": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": found["bucket"], "VersioningConfiguration": {"Status": "Enabled"}}},
}}
client("cloudformation").create_stack(StackName=found["stack"], TemplateBody=json.dumps(template), Capabilities=["CAPABILITY_NAMED_IAM"])
client("dynamodb").update_table(TableName=found["table"], ReplicaUpdates=[{"Create": {"RegionName": found["replica_region"]}}])
client("s3").put_bucket_versioning(Bucket=found["bucket"], VersioningConfiguration={"Status": "Enabled"})  # moto's stack leaves it off
client("s3").put_bucket_replication(Bucket=found["bucket"], ReplicationConfiguration={
    "Role": f"arn:aws:iam::{dev}:role/s3-replication",
    "Rules": [{"ID": found["rule"], "Priority": 1, "Status": "Enabled", "Filter": {"Prefix": ""}, "DeleteMarkerReplication": {"Status": "Disabled"},
               "Destination": {"Bucket": f"arn:aws:s3:::{found['destination_bucket']}", "Account": staging}}]})
json.dump(found, open(OUTPUT, "w"))
