{
  "targets": [
    {
      "target_name": "jpeg_luma",
      "sources": ["src/jpeg_luma.c"],
      "libraries": ["-ljpeg"],
      "cflags": ["-O2", "-Wall", "-Wextra"]
    }
  ]
}
