// Decodes a JPEG with the system's libjpeg-turbo, off the JavaScript thread, to 8-bit RGB, or to luma
// only when the image's longest side exceeds `lumaOnlyAbove`.
//
// Why: PDQ only needs luma. Asking libjpeg for greyscale output skips the chroma IDCT, the chroma
// upsampling and the colour conversion, which is most of a large colour JPEG's decode time. JPEG's Y
// is defined with the same 0.299/0.587/0.114 weights PDQ uses, so the hash moves by rounding only.
//
// Anything unusual (CMYK/YCCK, corrupt data that libjpeg would only warn about, allocation failure)
// is refused with a code, and the caller falls back to sharp, which decides with its own rules.
#include <node_api.h>
#include <setjmp.h>
#include <stdio.h> // before jpeglib.h, which uses FILE
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

typedef struct {
  struct jpeg_error_mgr pub;
  jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
} ErrorManager;

static void on_error_exit(j_common_ptr cinfo) {
  ErrorManager *err = (ErrorManager *)cinfo->err;
  (*cinfo->err->format_message)(cinfo, err->message);
  longjmp(err->jump, 1);
}

static void on_emit_message(j_common_ptr cinfo, int level) {
  // level < 0 is a warning about corrupt data: remember the first one; never print.
  if (level < 0) {
    ErrorManager *err = (ErrorManager *)cinfo->err;
    if (cinfo->err->num_warnings == 0) (*cinfo->err->format_message)(cinfo, err->message);
    cinfo->err->num_warnings++;
  }
}

static void on_output_message(j_common_ptr cinfo) { (void)cinfo; }

typedef struct {
  napi_async_work work;
  napi_deferred deferred;
  napi_ref input_ref;
  const unsigned char *input;
  size_t input_length;
  double max_pixels;
  double luma_only_above;
  unsigned char *pixels;
  unsigned int width;
  unsigned int height;
  unsigned int channels;
  const char *code;
  char message[JMSG_LENGTH_MAX + 64];
} DecodeJob;

static void fail(DecodeJob *job, const char *code, const char *message) {
  job->code = code;
  snprintf(job->message, sizeof job->message, "%s", message);
}

static void execute(napi_env env, void *data) {
  (void)env;
  DecodeJob *job = (DecodeJob *)data;
  struct jpeg_decompress_struct cinfo;
  ErrorManager err;
  unsigned char *volatile pixels = NULL;

  cinfo.err = jpeg_std_error(&err.pub);
  err.pub.error_exit = on_error_exit;
  err.pub.emit_message = on_emit_message;
  err.pub.output_message = on_output_message;
  err.message[0] = '\0';
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    free(pixels);
    fail(job, "decode_failed", err.message);
    return;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, (unsigned char *)job->input, (unsigned long)job->input_length);
  jpeg_read_header(&cinfo, TRUE);
  if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
    jpeg_destroy_decompress(&cinfo);
    fail(job, "unsupported", "CMYK JPEG");
    return;
  }
  if ((double)cinfo.image_width * (double)cinfo.image_height > job->max_pixels) {
    jpeg_destroy_decompress(&cinfo);
    fail(job, "too_many_pixels", "the image has too many pixels");
    return;
  }
  double longest_side = cinfo.image_width > cinfo.image_height ? cinfo.image_width : cinfo.image_height;
  cinfo.out_color_space = longest_side > job->luma_only_above ? JCS_GRAYSCALE : JCS_RGB;
  cinfo.dct_method = JDCT_ISLOW; // the default, and what the reference's libjpeg uses
  jpeg_start_decompress(&cinfo);
  size_t stride = (size_t)cinfo.output_width * (size_t)cinfo.output_components;
  pixels = (unsigned char *)malloc(stride * cinfo.output_height);
  if (pixels == NULL) {
    jpeg_destroy_decompress(&cinfo);
    fail(job, "out_of_memory", "not enough memory for the image");
    return;
  }
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = pixels + stride * cinfo.output_scanline;
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_decompress(&cinfo);
  if (err.pub.num_warnings > 0) {
    jpeg_destroy_decompress(&cinfo);
    free(pixels);
    fail(job, "corrupt", err.message);
    return;
  }
  job->width = cinfo.output_width;
  job->height = cinfo.output_height;
  job->channels = (unsigned int)cinfo.output_components;
  job->pixels = pixels;
  jpeg_destroy_decompress(&cinfo);
}

static void free_pixels(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  free(data);
}

static napi_value make_error(napi_env env, const char *code, const char *message) {
  napi_value code_value, message_value, error;
  napi_create_string_utf8(env, code, NAPI_AUTO_LENGTH, &code_value);
  napi_create_string_utf8(env, message, NAPI_AUTO_LENGTH, &message_value);
  napi_create_error(env, code_value, message_value, &error);
  return error;
}

static void set_uint(napi_env env, napi_value object, const char *name, unsigned int value) {
  napi_value v;
  napi_create_uint32(env, value, &v);
  napi_set_named_property(env, object, name, v);
}

static void complete(napi_env env, napi_status status, void *data) {
  DecodeJob *job = (DecodeJob *)data;
  if (status != napi_ok) fail(job, "decode_failed", "the decode was cancelled");
  if (job->code != NULL) {
    napi_reject_deferred(env, job->deferred, make_error(env, job->code, job->message));
  } else {
    size_t length = (size_t)job->width * job->height * job->channels;
    napi_value buffer, result;
    if (napi_create_external_buffer(env, length, job->pixels, free_pixels, NULL, &buffer) != napi_ok) {
      void *copy;
      napi_create_buffer_copy(env, length, job->pixels, &copy, &buffer);
      free(job->pixels);
    }
    napi_create_object(env, &result);
    set_uint(env, result, "width", job->width);
    set_uint(env, result, "height", job->height);
    set_uint(env, result, "channels", job->channels);
    napi_set_named_property(env, result, "data", buffer);
    napi_resolve_deferred(env, job->deferred, result);
  }
  napi_delete_reference(env, job->input_ref);
  napi_delete_async_work(env, job->work);
  free(job);
}

// decodeJpeg(bytes: Uint8Array, maxPixels: number, lumaOnlyAbove: number): Promise<{width, height, channels, data}>
static napi_value decode_jpeg(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3], promise, name;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  bool is_typed_array = false;
  if (argc < 3 || napi_is_typedarray(env, argv[0], &is_typed_array) != napi_ok || !is_typed_array) {
    napi_throw_type_error(env, NULL, "decodeJpeg(bytes: Uint8Array, maxPixels: number, lumaOnlyAbove: number)");
    return NULL;
  }
  DecodeJob *job = (DecodeJob *)calloc(1, sizeof(DecodeJob));
  if (job == NULL) {
    napi_throw_error(env, NULL, "out of memory");
    return NULL;
  }
  napi_typedarray_type type;
  size_t length, offset;
  void *bytes;
  napi_value arraybuffer;
  napi_get_typedarray_info(env, argv[0], &type, &length, &bytes, &arraybuffer, &offset);
  job->input = (const unsigned char *)bytes;
  job->input_length = length;
  napi_get_value_double(env, argv[1], &job->max_pixels);
  napi_get_value_double(env, argv[2], &job->luma_only_above);
  // Keep the caller's bytes alive while a libuv thread reads them.
  napi_create_reference(env, argv[0], 1, &job->input_ref);
  napi_create_promise(env, &job->deferred, &promise);
  napi_create_string_utf8(env, "centinela.decodeJpeg", NAPI_AUTO_LENGTH, &name);
  napi_create_async_work(env, NULL, name, execute, complete, job, &job->work);
  napi_queue_async_work(env, job->work);
  return promise;
}

NAPI_MODULE_INIT(/* napi_env env, napi_value exports */) {
  napi_value fn;
  napi_create_function(env, "decodeJpeg", NAPI_AUTO_LENGTH, decode_jpeg, NULL, &fn);
  napi_set_named_property(env, exports, "decodeJpeg", fn);
  return exports;
}
