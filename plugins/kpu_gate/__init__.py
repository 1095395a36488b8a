"""The content gate: nothing unsafe, private or wrong passes from content/ to the site."""
