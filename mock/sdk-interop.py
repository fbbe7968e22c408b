"""The seed pages' own Python code, run unchanged against the infercheck mock (issue 3, "Must show").

Usage: python sdk-interop.py BASE_URL RAI_WORD
Prints one JSON line per scenario for mock/sdk-interop.test.ts to judge. The only lines that differ from the
sd1.5-scifi page (shared/seeds/000_334d4105feb30352.txt, lines 3-47) point the SDK at the mock: the module-level
client (reference §4.2: `segmind._default_client = SegmindClient(base_url=...)`) and `SegmindClient(base_url=...)`.
The API key comes from SEGMIND_API_KEY, as on the page; it is never printed.
"""
import json
import sys

BASE_URL = sys.argv[1]
RAI_WORD = sys.argv[2]


def emit(scenario, **fields):
    print(json.dumps({"scenario": scenario, **fields}), flush=True)


# --- page lines 3-22, verbatim but for the client override --------------------------------------------------------
import segmind
from segmind import SegmindClient

segmind._default_client = SegmindClient(base_url=f"{BASE_URL}/v1")  # the one change: talk to the mock

result = segmind.run(
    "sd1.5-scifi",
    prompt="futuristic sci-fi high-tech city of Atlantis in late afternoon light, wispy clouds in a blue sky",
    negative_prompt="blurry, blurred, amateur, ugly, low quality, sketch, low resolution, warped, crooked, deformed, cartoony, low detail",
    scheduler="dpmpp_2m",
    num_inference_steps=30,
    guidance_scale=5,
    samples=1,
    seed=516797155652,
    img_width=512,
    img_height=768,
    base64=False,
)
print(result["status"])                      # COMPLETED
print(result.get("output"))                  # model output (e.g. media URL)
print(result["metrics"]["inference_time"])   # server compute seconds
emit("run", status=result["status"], output=result.get("output"), inference_time=result["metrics"]["inference_time"])

# --- page lines 24-47, verbatim but for base_url -------------------------------------------------------------------
from segmind import SegmindClient, InferenceFailed, InferenceTimeout

client = SegmindClient(base_url=f"{BASE_URL}/v1")  # the page: SegmindClient()  # reads SEGMIND_API_KEY
payload = {
    "prompt": "futuristic sci-fi high-tech city of Atlantis in late afternoon light, wispy clouds in a blue sky",
    "negative_prompt": "blurry, blurred, amateur, ugly, low quality, sketch, low resolution, warped, crooked, deformed, cartoony, low detail",
    "scheduler": "dpmpp_2m",
    "num_inference_steps": 30,
    "guidance_scale": 5,
    "samples": 1,
    "seed": 516797155652,
    "img_width": 512,
    "img_height": 768,
    "base64": False,
}
job = client.submit_async("sd1.5-scifi", **payload)
print(job.request_id)                         # available immediately
try:
    result = job.wait(timeout=600, interval=1.0)
    emit("submit_async", request_id=job.request_id, status=result["status"], output=result.get("output"))
except InferenceTimeout as e:
    print("still running:", e.request_id)
    emit("submit_async", request_id=e.request_id, status="TIMEOUT")
except InferenceFailed as e:
    print("failed:", e.detail)
    emit("submit_async", request_id=job.request_id, status="FAILED", detail=e.detail)

# --- the same manual flow with a prompt the mock blocks (--rai-block): the page's `except InferenceFailed` path ----
job = client.submit_async("sd1.5-scifi", **{**payload, "prompt": f"a city with a {RAI_WORD} in it"})
try:
    result = job.wait(timeout=600, interval=1.0)
    emit("rai_block", request_id=job.request_id, status=result["status"], raised=None)
except InferenceFailed as e:
    print("failed:", e.detail)
    emit("rai_block", request_id=job.request_id, raised="InferenceFailed", detail=e.detail)
except InferenceTimeout as e:
    emit("rai_block", request_id=e.request_id, raised="InferenceTimeout")
