"""The seed scripts' way into one account of a seeded moto platform: the operator assumes the read-only role there."""
import boto3


def account_clients(endpoint, seeded, account_id, region):
    """A function making boto3 clients for `service` in the account, signed with the role's temporary credentials."""
    sts = boto3.client("sts", region_name=region, endpoint_url=endpoint, **seeded["operator"])
    assumed = sts.assume_role(RoleArn=f"arn:aws:iam::{account_id}:role/{seeded['role']}", RoleSessionName="seed", ExternalId=seeded["external_id"])["Credentials"]
    creds = {"aws_access_key_id": assumed["AccessKeyId"], "aws_secret_access_key": assumed["SecretAccessKey"], "aws_session_token": assumed["SessionToken"]}
    return lambda service: boto3.client(service, region_name=region, endpoint_url=endpoint, **creds)
