#!/usr/bin/env bash
# Processing benchmark (bench/README.md): decode-only vs the bare ffmpeg proxy command vs our whole
# pipeline (complete -> proxy ready), and the x264 preset table (time, size, SSIM against the
# seed's settings). Everything runs in one go on the same synthetic clip.
#   bench/processing-benchmark.sh [clip seconds=600] [presets="ultrafast superfast veryfast faster fast medium"; "" for none] [pipeline rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
presets=${2-"ultrafast superfast veryfast faster fast medium"}
rounds=${3:-3}
scripts/prerequisites.sh run
./mvnw -B -q --no-transfer-progress -DskipTests package

work=$(mktemp -d)
app_pid=
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
fit="scale='min(854,iw)':'min(480,ih)':force_original_aspect_ratio=decrease:force_divisible_by=2"
vf="bwdif=mode=send_frame:deint=interlaced,fps=10:eof_action=pass,$fit"
proxy() { # preset, output: the proxy command of SPEC section 5 as the app runs it (ProxyTranscode), nothing else
  ffmpeg -v error -nostdin -y -i "$work/source.mp4" -map 0:v:0 -map '0:a:0?' \
    -vf "$vf" \
    -c:v libx264 -preset "$1" -crf 23 -pix_fmt yuv420p -af 'aformat=channel_layouts=stereo|mono' -c:a aac -b:a 128k \
    -movflags +faststart "$2"
}

echo "Making a ${seconds} s 1920x1080 30 fps clip with noise at 6 Mb/s (H.264 + AAC)..."
ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=s=1920x1080:r=30" -f lavfi -i "sine=frequency=440" \
  -vf "noise=alls=12:allf=t" -t "$seconds" -c:v libx264 -preset ultrafast -b:v 6M -maxrate 6M -bufsize 12M \
  -pix_fmt yuv420p -c:a aac -b:a 128k -shortest "$work/source.mp4"
source_bytes=$(stat -c %s "$work/source.mp4")
ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=s=640x360:r=30" -t 5 -c:v libx264 -preset ultrafast -pix_fmt yuv420p \
  "$work/warm-up.mp4"

start=$(now); ffmpeg -v error -nostdin -i "$work/source.mp4" -an -f null -; decode=$(elapsed "$start" "$(now)")
default_preset=$(grep -oP 'x264-preset: \$\{X264_PRESET:\K[a-z]+' backend/src/main/resources/application.yml)
start=$(now); proxy "$default_preset" "$work/bare.mp4"; bare=$(elapsed "$start" "$(now)")
# the app's own command (ProxyTranscode), outside the app: also a keyframe every 5 s and the motion
# index's grey frames as a second output of the same decode
app_ffmpeg() { # the app's command alone; prints its seconds
  local start; start=$(now)
  ffmpeg -v error -nostdin -y -nostats -progress pipe:1 -i "$work/source.mp4" \
    -filter_complex "[0:v:0]$vf,split=2[proxy][motion];[motion]fps=5,scale=96:54:flags=area,format=gray[grey]" \
    -map '[proxy]' -map '0:a:0?' -c:v libx264 -preset "$default_preset" -crf 23 -pix_fmt yuv420p \
    -force_key_frames 'expr:gte(t,n_forced*5)' -af 'aformat=channel_layouts=stereo|mono' -c:a aac -b:a 128k \
    -movflags +faststart "$work/app.mp4" -map '[grey]' -f rawvideo "$work/app.gray" > /dev/null
  elapsed "$start" "$(now)"
}
app_command=$(app_ffmpeg)

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
api_port=18189 s3_port=19189 base=http://127.0.0.1:18189
auth=() mall= pin=
# the app in its embedded mode with MOTION_INDEX=$2 on data dir $1, one worker, logged in, warmed up
start_app() {
  DATA_DIR="$1" SERVER_PORT=$api_port EMBEDDED_S3_PORT=$s3_port ADMIN_PASSWORD=bench-password MOTION_INDEX="$2" \
    WORKER_CONCURRENCY=1 java -jar backend/target/spatial-intel-video.jar > "$1.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 90); do curl -sf "$base/actuator/health" > /dev/null && break; sleep 1; done
  curl -sf "$base/actuator/health" > /dev/null || { echo "the app did not start:" >&2; tail -30 "$1.log" >&2; exit 1; }
  local token
  token=$(curl -sf -X POST "$base/api/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"admin@example.com","password":"bench-password"}' | json '["token"]')
  auth=(-H "Authorization: Bearer $token")
  mall=$(curl -sf -X POST "$base/api/malls" "${auth[@]}" -H 'Content-Type: application/json' -d '{"name":"Bench"}' | json '["id"]')
  pin=$(curl -sf -X POST "$base/api/malls/$mall/pins" "${auth[@]}" -H 'Content-Type: application/json' -d '{"name":"Cam"}' | json '["id"]')
  # a worker is a long-running process: warm this one up first (a small clip processed, then 30 s
  # for the JIT's queue to drain), so that the measured job does not share the cores with the start
  run_pipeline "$work/warm-up.mp4"
  sleep 30
}
stop_app() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=; }
# one upload of $1 through the API and its job; sets pipeline (s, complete -> proxy ready) and job_json.
# "Ready" is the job row's completed_at, read once a second: a poll several times a second, with its
# authenticated request and two processes each time, took ~5 % of a core from the job it was timing
run_pipeline() {
  local out start job status
  out=$(BASE_URL=$base EMAIL=admin@example.com PASSWORD=bench-password scripts/upload.sh "$mall" "$pin" "$1")
  start=$(now)
  job=$(echo "$out" | grep '^complete:' | sed 's/^complete: //' | json '["job_id"]')
  while ! curl -sf "$base/api/analysis/jobs/$job" "${auth[@]}" | grep -qE '"status":"(completed|failed)"'; do sleep 1; done
  job_json=$(curl -sf "$base/api/analysis/jobs/$job" "${auth[@]}")
  status=$(echo "$job_json" | json '["status"]')
  [ "$status" = completed ] || { echo "the pipeline's job ended $status" >&2; exit 1; }
  # from the earlier of the client's complete and the job's queued_at, to the job's completed_at
  pipeline=$(echo "$job_json" | python3 -c "
import json, sys, datetime
j = json.load(sys.stdin)
at = lambda s: datetime.datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp()
print(f'{at(j[\"completed_at\"]) - min($start, at(j[\"queued_at\"])):.2f}')")
}
# the clip again under another title: a new file (another checksum) with the same picture
copy_of_source() { ffmpeg -v error -nostdin -y -i "$work/source.mp4" -map 0 -c copy -metadata title="round $1" "$work/round-$1.mp4"; }

echo "Running the pipeline with the motion index switched off (MOTION_INDEX=false)..."
start_app "$work/data-off" false
copy_of_source off
run_pipeline "$work/round-off.mp4"
off_job_seconds=$(echo "$job_json" | json '["result_data"]["elapsed_seconds"]')
stop_app

# the pipeline and the bare command alternate, so that each pipeline has a bare run just before and
# just after it: on these shared cores the same command's time drifts by up to 40 % within minutes
echo "Running the pipeline $rounds times: the app in its embedded mode, an upload through the API, one worker job, each between two bare commands..."
start_app "$work/data" true
round_ratios=() round_lines=()
start=$(now); proxy "$default_preset" "$work/bare.mp4"; bare_before=$(elapsed "$start" "$(now)")
for round in $(seq 1 "$rounds"); do
  copy_of_source "$round"
  run_pipeline "$work/round-$round.mp4"
  start=$(now); proxy "$default_preset" "$work/bare.mp4"; bare_after=$(elapsed "$start" "$(now)")
  ratio_now=$(python3 -c "print(f'{$pipeline / (($bare_before + $bare_after) / 2):.3f}')")
  round_ratios+=("$ratio_now")
  round_lines+=("$(printf '%-8s %9s %9s %9s %9s %9s' "$round" "$bare_before" "$pipeline" "$bare_after" \
    "$(echo "$job_json" | json '["result_data"]["elapsed_seconds"]')" "$ratio_now")")
  bare_before=$bare_after
done
stop_app
proxy_bytes=$(echo "$job_json" | json '["result_data"]["proxy_size_bytes"]')
job_seconds=$(echo "$job_json" | json '["result_data"]["elapsed_seconds"]')
preview_tiles=$(echo "$job_json" | json '["result_data"]["preview_tiles"]')
previews_seconds=$(echo "$job_json" | json '["result_data"]["previews_seconds"]')
download_seconds=$(echo "$job_json" | json '["result_data"]["download_seconds"]')
transcode_seconds=$(echo "$job_json" | json '["result_data"]["transcode_seconds"]')
motion_bytes=$(echo "$job_json" | json '["result_data"]["motion_index_bytes"]')
motion_seconds=$(echo "$job_json" | json '["result_data"]["motion_index_seconds"]')
median_ratio=$(python3 -c "import statistics; print(f'{statistics.median([$(IFS=,; echo "${round_ratios[*]}")]):.2f}')")

# the same command again after the pipelines: this machine's speed drifts over minutes of full load
app_command_after=$(app_ffmpeg)

echo
echo "Clip: ${seconds} s, 1080p30, $((source_bytes / 1024 / 1024)) MiB; proxy preset $default_preset"
printf '%-44s %9s %12s\n' "" "seconds" "x real time"
printf '%-44s %9s %12s\n' "decode only (ffmpeg -i in -an -f null -)" "$decode" "$(ratio "$seconds" "$decode")"
printf '%-44s %9s %12s\n' "bare ffmpeg proxy command" "$bare" "$(ratio "$seconds" "$bare")"
printf '%-44s %9s %12s\n' "the app's ffmpeg command, run alone" "$app_command" "$(ratio "$seconds" "$app_command")"
printf '%-44s %9s %12s\n' "pipeline (complete -> proxy ready), last round" "$pipeline" "$(ratio "$seconds" "$pipeline")"
printf '%-44s %9s %12s\n' "the app's ffmpeg command alone, after" "$app_command_after" "$(ratio "$seconds" "$app_command_after")"
echo
printf '%-8s %9s %9s %9s %9s %9s\n' round "bare" "pipeline" "bare" "job" "pipeline / bare (mean of the two)"
printf '%s\n' "${round_lines[@]}"
echo "  last round's job: download with its SHA-256 ${download_seconds} s; ffmpeg's proxy and its check ${transcode_seconds} s;"
echo "  scrub previews ${previews_seconds} s for ${preview_tiles} tiles (beside the poster and the uploads); job ${job_seconds} s in all"
echo "pipeline / bare command:   $median_ratio   (median of $rounds rounds; goal <= 1.10)"
echo "pipeline / decode only:    $(ratio "$pipeline" "$decode")   (last round; goal <= 1.35)"
echo "proxy size / original:     $(python3 -c "print(f'{$proxy_bytes / $source_bytes * 100:.1f} %')")"
echo "motion index: ${motion_bytes} bytes for ${seconds} s ($(python3 -c "print(f'{$motion_bytes * 3600 / $seconds / 1024:.0f}')") KB per hour), analysed in ${motion_seconds} s after ffmpeg"
echo "job time with the motion index ${job_seconds} s, without ${off_job_seconds} s: $(python3 -c "print(f'{($job_seconds / $off_job_seconds - 1) * 100:+.1f} %')") (goal <= +8 %)"

[ -n "$presets" ] || exit 0
echo
echo "x264 presets: time, size, and SSIM against the source brought to the proxy's size and rate;"
echo "loss = SSIM of the seed's settings (medium) minus SSIM of the preset (goal <= 0.005)"
ssim_of() { # proxy file: SSIM against the source scaled the same way
  local size; size=$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=p=0:s=x "$1")
  ffmpeg -nostdin -i "$1" -i "$work/source.mp4" \
    -lavfi "[1:v]fps=10,scale=${size/x/:}:flags=bicubic[ref];[0:v][ref]ssim" -f null - 2>&1 | grep -oP 'All:\K[0-9.]+' | tail -1
}
proxy medium "$work/medium.mp4"
medium_ssim=$(ssim_of "$work/medium.mp4")
printf '%-10s %9s %12s %10s %9s %8s\n' preset seconds "x real time" "size MiB" SSIM loss
for preset in $presets; do
  start=$(now); proxy "$preset" "$work/$preset.mp4"; took=$(elapsed "$start" "$(now)")
  ssim=$(ssim_of "$work/$preset.mp4")
  size=$(python3 -c "print(f'{$(stat -c %s "$work/$preset.mp4") / 1048576:.1f}')")
  loss=$(python3 -c "print(f'{$medium_ssim - $ssim:+.4f}')")
  printf '%-10s %9s %12s %10s %9s %8s\n' "$preset" "$took" "$(ratio "$seconds" "$took")" "$size" "$ssim" "$loss"
done
