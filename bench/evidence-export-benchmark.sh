#!/usr/bin/env bash
# Evidence export benchmark (bench/README.md): 10 minutes cut by stream copy from a 1080p original,
# through the whole export job (fetch + SHA-256 of the original, keyframe lookup, ffmpeg -c copy,
# SHA-256 of the clip, manifest, signature, ZIP, store), against, in the same run, the bare ffmpeg
# stream copy alone and `cp` of the same bytes (a stream copy should be I/O-bound).
#   bench/evidence-export-benchmark.sh [cut seconds=600] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
cut=${1:-600}
rounds=${2:-3}
seconds=$((cut + 60))
scripts/prerequisites.sh run
./mvnw -B -q --no-transfer-progress -DskipTests package

work=$(mktemp -d)
app_pid=
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
median() { python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[1:])):.2f}')" "$@"; }

echo "Making a ${seconds} s 1920x1080 30 fps original with noise at 6 Mb/s, a keyframe every 2 s (H.264 + AAC)..."
ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=s=1920x1080:r=30" -f lavfi -i "sine=frequency=440" \
  -vf "noise=alls=12:allf=t" -t "$seconds" -c:v libx264 -preset ultrafast -b:v 6M -maxrate 6M -bufsize 12M -g 60 \
  -pix_fmt yuv420p -c:a aac -b:a 128k -shortest "$work/source.mp4"
source_bytes=$(stat -c %s "$work/source.mp4")

echo "Starting the app in its embedded mode and uploading the original through the API..."
api_port=18190; s3_port=19190; base=http://127.0.0.1:$api_port
DATA_DIR="$work/data" SERVER_PORT=$api_port EMBEDDED_S3_PORT=$s3_port ADMIN_PASSWORD=bench-password \
  java -jar backend/target/spatial-intel-video.jar > "$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 90); do curl -sf "$base/actuator/health" > /dev/null && break; sleep 1; done
curl -sf "$base/actuator/health" > /dev/null || { echo "the app did not start:" >&2; tail -30 "$work/app.log" >&2; exit 1; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
token=$(curl -sf -X POST "$base/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"admin@example.com","password":"bench-password"}' | json '["token"]')
auth=(-H "Authorization: Bearer $token")
mall=$(curl -sf -X POST "$base/api/malls" "${auth[@]}" -H 'Content-Type: application/json' -d '{"name":"Bench"}' | json '["id"]')
pin=$(curl -sf -X POST "$base/api/malls/$mall/pins" "${auth[@]}" -H 'Content-Type: application/json' -d '{"name":"Cam"}' | json '["id"]')
video=$(BASE_URL=$base EMAIL=admin@example.com PASSWORD=bench-password scripts/upload.sh "$mall" "$pin" "$work/source.mp4" |
  grep '^complete:' | sed 's/^complete: //' | json '["video_id"]')
# the proxy job runs first, so that it takes no CPU from the exports measured below
while ! curl -sf "$base/api/videos/$video" "${auth[@]}" | grep -qE '"processing_status":"(completed|failed)"'; do sleep 2; done

in_s=31; out_s=$((31 + cut))
jobs=(); owns=(); bares=(); cps=(); zip_bytes=0; clip_bytes=0
for round in $(seq 1 "$rounds"); do
  body=$(printf '{"video_id":"%s","in_seconds":%s,"out_seconds":%s,"recipient_name":"Bench","recipient_organisation":"Bench","purpose":"Benchmark","reference":"B-%s"}' "$video" "$in_s" "$out_s" "$round")
  start=$(now)
  export_id=$(curl -sf -X POST "$base/api/malls/$mall/exports" "${auth[@]}" -H 'Content-Type: application/json' -d "$body" | json '["id"]')
  while ! curl -sf "$base/api/exports/$export_id" "${auth[@]}" | grep -qE '"status":"(completed|failed)"'; do sleep 0.5; done
  jobs+=("$(elapsed "$start" "$(now)")")
  answer=$(curl -sf "$base/api/exports/$export_id" "${auth[@]}")
  [ "$(echo "$answer" | json '["status"]')" = completed ] || { echo "export failed: $answer" >&2; exit 1; }
  zip_bytes=$(echo "$answer" | json '["package_bytes"]')
  owns+=("$(echo "$answer" | python3 -c "import json,sys; from datetime import datetime as d; a=json.load(sys.stdin); p=lambda t: d.fromisoformat(t.replace('Z','+00:00')); print(f\"{(p(a['completed_at'])-p(a['started_at'])).total_seconds():.2f}\")")")

  # the same cut as the job's (from the keyframe at or before In), bare
  rm -f "$work/bare.mp4"
  start=$(now)
  ffmpeg -v error -nostdin -y -ss 30.000000 -i "$work/source.mp4" -t "$(python3 -c "print(f'{$out_s - 30:.6f}')")" -map 0:v:0 -map '0:a?' \
    -c copy -map_metadata 0 -movflags +faststart "$work/bare.mp4"
  bares+=("$(elapsed "$start" "$(now)")")
  clip_bytes=$(stat -c %s "$work/bare.mp4")
  rm -f "$work/copy.mp4"
  start=$(now); cp "$work/bare.mp4" "$work/copy.mp4"; sync "$work/copy.mp4"; cps+=("$(elapsed "$start" "$(now)")")
done

job=$(median "${jobs[@]}"); own=$(median "${owns[@]}"); bare=$(median "${bares[@]}"); copy=$(median "${cps[@]}")
echo
echo "Original: ${seconds} s, 1080p30, $((source_bytes / 1048576)) MiB; cut: ${cut} s from ${in_s} s (keyframe at 30 s), $((clip_bytes / 1048576)) MiB; package $((zip_bytes / 1048576)) MiB"
echo "rounds: $rounds; export ${jobs[*]} s (of which the job itself ${owns[*]} s); bare ffmpeg -c copy ${bares[*]} s; cp ${cps[*]} s"
printf '%-62s %9s %12s\n' "" "median s" "x real time"
printf '%-62s %9s %12s\n' "cp of the clip's bytes (+ sync)" "$copy" "$(ratio "$cut" "$copy")"
printf '%-62s %9s %12s\n' "bare ffmpeg stream copy of the 10 minutes" "$bare" "$(ratio "$cut" "$bare")"
printf '%-62s %9s %12s\n' "export (request -> package stored, polled every 0.5 s)" "$job" "$(ratio "$cut" "$job")"
printf '%-62s %9s %12s\n' "  the job itself (started -> completed; the rest is the queue's poll)" "$own" "$(ratio "$cut" "$own")"
echo "where the job's time goes (the app's log, one line per export):"
grep -oP 'Export [0-9a-f-]+: \K.*' "$work/app.log" | sed 's/^/  /'
echo "bare stream copy / cp:   $(ratio "$bare" "$copy")"
echo "job itself / cp:         $(ratio "$own" "$copy")   (the job also reads the whole original from S3 and hashes it, hashes the clip, zips and stores the package)"
