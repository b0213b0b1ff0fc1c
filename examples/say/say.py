import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--msg", default="hello", help="Message to print")
parser.add_argument("--loud", action="store_true", help="Print the message in upper case")
args = parser.parse_args()

print(args.msg.upper() if args.loud else args.msg)
