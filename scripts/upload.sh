#!/usr/bin/env bash
# Uploads one MP4 through the API the way the web UI does, with curl: initiate, PUT each part
# straight to S3 with its presigned URL, complete. Prints each step's answer.
#   BASE_URL=http://localhost:8080 EMAIL=admin@example.com PASSWORD=... \
#     scripts/upload.sh MALL_ID PIN_ID FILE.mp4
set -euo pipefail
mall=${1:?mall id}; pin=${2:?pin id}; file=${3:?file}
base=${BASE_URL:-http://localhost:8080}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }

token=$(curl -sf -X POST "$base/api/auth/login" -H 'Content-Type: application/json' \
  -d "$(python3 -c 'import json,os; print(json.dumps({"email": os.environ["EMAIL"], "password": os.environ["PASSWORD"]}))')" \
  | json 'd["token"]')
auth=(-H "Authorization: Bearer $token")
size=$(stat -c %s "$file")
checksum=$(sha256sum "$file" | cut -d' ' -f1)
uploads="$base/api/malls/$mall/pins/$pin/uploads"

initiated=$(curl -s -X POST "$uploads/initiate" "${auth[@]}" -H 'Content-Type: application/json' \
  -d "{\"filename\": \"$(basename "$file")\", \"file_size_bytes\": $size, \"checksum_sha256\": \"$checksum\"}")
echo "initiate: $initiated" | cut -c1-400
if [ "$(echo "$initiated" | json 'd.get("duplicate", False)')" = True ]; then exit 0; fi
video=$(echo "$initiated" | json 'd["video_id"]')
part_size=$(echo "$initiated" | json 'd["part_size_bytes"]')

echo "$initiated" | json '"\n".join(str(p["part_number"]) + " " + p["url"] for p in d["presigned_urls"])' |
while read -r number url; do
  # no Content-Type: a form type would break the signature
  etag=$(dd if="$file" bs="$part_size" skip=$((number - 1)) count=1 status=none |
    curl -sf -X PUT "$url" -H 'Content-Type:' --data-binary @- -D - -o /dev/null | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
  echo "part $number stored, ETag $etag"
done

echo "complete: $(curl -s -X POST "$uploads/$video/complete" "${auth[@]}")"
echo "video: $(curl -s "$base/api/videos/$video" "${auth[@]}")"
