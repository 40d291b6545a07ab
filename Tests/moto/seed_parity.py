"""Adds to a seeded moto platform (seed_platform.py) the settings the Parity and Posture views compare, made to differ
between the accounts as a real platform drifts: an SSM hierarchy per environment (staging on a newer schema version,
a parameter prod lacks, a SecureString in each), a settings bucket per environment (prod's without its SSL-only
statement, encrypted with a KMS key that rotates everywhere but staging), log retention (dev keeps two weeks), point-in-time
recovery in prod, and a peering security group (dev's open to SSH from anywhere).

Usage: seed_parity.py ENDPOINT SEEDED.json OUTPUT.json
"""
import json
import sys

from seeded_account import account_clients

ENDPOINT, SEEDED, OUTPUT = sys.argv[1], sys.argv[2], sys.argv[3]
seeded = json.load(open(SEEDED))
out = {}
for name, account in seeded["accounts"].items():
    region = account["region"]
    client = account_clients(ENDPOINT, seeded, account["account_id"], region)

    ssm = client("ssm")
    base = f"/app/{name}/config"
    ssm.put_parameter(Name=f"{base}/orders_table", Type="String", Value=f"{name}-orders")
    ssm.put_parameter(Name=f"{base}/schema_version", Type="String", Value="v4" if name == "staging" else "v3")
    ssm.put_parameter(Name=f"{base}/database_url", Type="String", Value=f"postgres://orders-{name}.internal:5432/orders")
    ssm.put_parameter(Name=f"{base}/partner_api_key", Type="SecureString", Value=f"pk-live-{name}-4f9a2c71e3b8")
    if name != "prod":
        ssm.put_parameter(Name=f"{base}/csv_max_rows", Type="String", Value="500000")

    kms = client("kms")
    key = kms.create_key(Description=f"{name} settings bucket")["KeyMetadata"]["Arn"]
    if name != "staging":
        kms.enable_key_rotation(KeyId=key)

    s3 = client("s3")
    bucket = f"opsdeck-{name}-settings"
    s3.create_bucket(Bucket=bucket, **({} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}))
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_encryption(Bucket=bucket, ServerSideEncryptionConfiguration={"Rules": [
        {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key}}]})
    s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": [
        {"ID": "archive", "Status": "Enabled", "Filter": {"Prefix": ""}, "Transitions": [{"Days": 90, "StorageClass": "GLACIER"}]}]})
    s3.put_public_access_block(Bucket=bucket, PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
    statements = [{"Sid": "DenyUnencryptedUploads", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "Resource": f"arn:aws:s3:::{bucket}/*",
                   "Condition": {"StringNotEquals": {"s3:x-amz-server-side-encryption": "aws:kms"}}}]
    if name != "prod":
        statements.append({"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                           "Resource": [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}})
    s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps({"Version": "2012-10-17", "Statement": statements}))

    functions = list(seeded["environments"][name]["functions"].keys())
    logs = client("logs")
    for function in functions:
        group = f"/aws/lambda/{function}"
        try:
            logs.create_log_group(logGroupName=group)
        except logs.exceptions.ResourceAlreadyExistsException:
            pass
        logs.put_retention_policy(logGroupName=group, retentionInDays=14 if name == "dev" else 90)

    dynamodb = client("dynamodb")
    tables = dynamodb.list_tables()["TableNames"]
    if f"orders-{name}" not in tables:
        dynamodb.create_table(TableName=f"orders-{name}", BillingMode="PAY_PER_REQUEST", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                              AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"}])
        tables.append(f"orders-{name}")
    if name == "prod":
        for table in tables:
            dynamodb.update_continuous_backups(TableName=table, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})

    ec2 = client("ec2")
    vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
    group = ec2.create_security_group(GroupName=f"peering-{name}", Description="peering", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}])
    if name == "dev":
        ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    out[name] = {"bucket": bucket, "key": key, "security_group": group, "tables": ",".join(tables)}
json.dump(out, open(OUTPUT, "w"))
