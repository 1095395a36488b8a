"""VideoGenerator: writes the video list page from the list collected before writing."""

from pelican.generators import Generator


class VideoGenerator(Generator):
    """Write /video/: every published item's videos, newest first (kpu_videos in context)."""

    def generate_context(self):
        """Nothing to read: the videos are collected from other generators' items."""
        self.context.setdefault("kpu_videos", [])

    def generate_output(self, writer):
        """Write the list page (also when empty: the footer links to it)."""
        url = self.settings["KPU_VIDEO_URL"]
        writer.write_file(
            url + "index.html",
            self.get_template("video"),
            self.context,
            self.settings["RELATIVE_URLS"],
            url=url,
            videos=self.context.get("kpu_videos", []),
        )
