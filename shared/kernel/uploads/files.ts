/**
 * The documents bucket: presigned uploads straight from the phone, checks of what was
 * stored, and short-lived download links. The only code that talks to S3.
 */
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Bucket, s3 } from '../storage.ts';

/** A presigned POST that only accepts this key, this content type and exactly this many bytes. */
export async function presignUpload(
  key: string,
  contentType: string,
  size: number,
  expiresSeconds: number,
): Promise<{ url: string; fields: Record<string, string> }> {
  const post = await createPresignedPost(s3, {
    Bucket,
    Key: key,
    Conditions: [
      ['content-length-range', size, size],
      ['eq', '$Content-Type', contentType],
    ],
    Fields: { 'Content-Type': contentType },
    Expires: expiresSeconds,
  });
  return { url: post.url, fields: post.fields };
}

/**
 * Copies what the upload key holds now to a key of its own (that no presigned POST names), and
 * answers the copy's version and ETag; undefined when nothing was uploaded.
 */
export async function pinCopy(
  key: string,
  pinnedKey: string,
): Promise<{ versionId?: string; etag?: string } | undefined> {
  try {
    const copied = await s3.send(
      new CopyObjectCommand({
        Bucket,
        Key: pinnedKey,
        CopySource: `${Bucket}/${key.split('/').map(encodeURIComponent).join('/')}`,
      }),
    );
    return {
      ...(copied.VersionId ? { versionId: copied.VersionId } : {}),
      ...(copied.CopyObjectResult?.ETag ? { etag: copied.CopyObjectResult.ETag } : {}),
    };
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as Error).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

/** The stored object's size, or undefined when nothing is stored under the key. */
export async function storedSize(key: string): Promise<number | undefined> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: key }));
    return head.ContentLength ?? 0;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as Error).name === 'NotFound') return undefined;
    throw error;
  }
}

/** The first bytes of a stored object (enough to tell its type). */
export async function firstBytes(key: string, count = 16): Promise<Uint8Array> {
  const object = await s3.send(new GetObjectCommand({ Bucket, Key: key, Range: `bytes=0-${count - 1}` }));
  return object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
}

/** Deletes a stored object; a failure is left for the bucket's lifecycle (nothing refers to it). */
export async function discard(key: string): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket, Key: key })).catch(() => undefined);
}

/** A download link valid for a few minutes (of that version, when given), saved under the given file name. */
export function downloadUrl(
  object: { key: string; versionId?: string },
  fileName: string,
  contentType: string,
  expiresSeconds: number,
) {
  return getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket,
      Key: object.key,
      ...(object.versionId ? { VersionId: object.versionId } : {}),
      ResponseContentDisposition: `attachment; filename="${fileName}"`,
      ResponseContentType: contentType,
    }),
    { expiresIn: expiresSeconds },
  );
}
