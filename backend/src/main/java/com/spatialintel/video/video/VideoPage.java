package com.spatialintel.video.video;

import java.util.List;

/** One page of a listing and the number of videos that match in all. */
public record VideoPage(List<Video> videos, long total) {
}
