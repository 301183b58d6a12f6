import { badRequest } from '../api-error.js';
import type { BotApi, Method } from '../bot-api.js';
import { imageSize, type FileKind, type StoredFile } from '../files.js';
import { readCaption } from '../message-text.js';
import type { Params, UploadedFile } from '../params.js';
import { captionFields, postBotMessage, targetChat } from './sending.js';

/** sendDocument: an upload (multipart, as grammY's InputFile sends it), a file_id or an HTTP URL. */
export const sendDocument: Method = async (params, api) => {
  const state = targetChat(params, api);
  const caption = readCaption(params);
  const input = await readInputFile(params, api, 'document');
  const file =
    'fileId' in input ? input : api.files.add(input.data, 'document', { fileName: input.fileName });
  const document = {
    file_name: file.fileName ?? 'document',
    mime_type: file.mimeType,
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_size: file.data.length,
  };
  return postBotMessage(params, api, state, { document, ...captionFields(caption) });
};

/** sendPhoto: an image upload, a photo file_id or an HTTP URL; the message lists the photo's sizes. */
export const sendPhoto: Method = async (params, api) => {
  const state = targetChat(params, api);
  const caption = readCaption(params);
  const input = await readInputFile(params, api, 'photo');
  const data = input.data;
  const size = 'fileId' in input ? { width: input.width ?? 0, height: input.height ?? 0 } : imageSize(data);
  if (!size) throw badRequest('IMAGE_PROCESS_FAILED');
  if (size.width + size.height > 10_000 || Math.max(size.width, size.height) > 20 * Math.min(size.width, size.height)) {
    throw badRequest('PHOTO_INVALID_DIMENSIONS');
  }
  const photo = api.files.addPhoto(data, size.width, size.height);
  return postBotMessage(params, api, state, { photo, ...captionFields(caption), ...(params.boolean('has_spoiler') ? { has_media_spoiler: true } : {}) });
};

/**
 * The file parameter of a sending method: a multipart part under the field's own name, an
 * `attach://name` reference to one, a file_id sent before, or an HTTP(S) URL to fetch.
 */
async function readInputFile(params: Params, api: BotApi, field: FileKind): Promise<StoredFile | UploadedFile> {
  const value = params.raw(field);
  if (isUpload(value)) return checkUpload(value, api);
  if (typeof value !== 'string' || value === '') throw badRequest(`there is no ${field} in the request`);
  if (value.startsWith('attach://')) {
    const attached = params.raw(value.slice('attach://'.length));
    if (!isUpload(attached)) throw badRequest('wrong file identifier/HTTP URL specified');
    return checkUpload(attached, api);
  }
  if (/^https?:\/\//i.test(value)) return fetchUrl(value, api);
  const known = api.files.get(value);
  if (!known) throw badRequest('wrong file identifier/HTTP URL specified');
  if (known.kind !== field) throw badRequest('type of file mismatch');
  return known;
}

function isUpload(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && (value as UploadedFile).kind === 'upload';
}

function checkUpload(upload: UploadedFile, api: BotApi): UploadedFile {
  if (upload.data.length === 0) throw badRequest('file must be non-empty');
  if (upload.data.length > api.options.maxUploadSize) throw badRequest('file is too big');
  return upload;
}

async function fetchUrl(url: string, api: BotApi): Promise<UploadedFile> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(String(response.status));
    const data = Buffer.from(await response.arrayBuffer());
    const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'file';
    return checkUpload({ kind: 'upload', fileName, data }, api);
  } catch {
    throw badRequest('failed to get HTTP URL content');
  }
}

/** getFile: the path to download a file from, refused above the 20 MB Bot API limit. */
export const getFile: Method = (params, api) => {
  const file = api.files.get(params.string('file_id') ?? '');
  if (!file) throw badRequest('invalid file_id');
  if (file.data.length > api.options.maxDownloadSize) throw badRequest('file is too big');
  return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.data.length, file_path: file.filePath };
};
