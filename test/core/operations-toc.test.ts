// Every API of the BOS API reference's Service-, Bucket-, Object- and Multipart-related interfaces, one row
// each: the request as the official SDKs send it, and the name it must get. Sources, by SDK:
//   go   baidubce/bce-sdk-go services/bos/api/{bucket,object,multipart,service}.go (HEAD 6916310)
//   py   baidubce/bce-sdk-python baidubce/services/bos/bos_client.py (HEAD 75967a0)
//   java baidubce/bce-sdk-java src/main/java/com/baidubce/services/bos/BosClient.java (HEAD 85e7b10)
//   js   @baiducloud/sdk 1.0.7 src/bos_client.js (node_modules)
//   doc  the BOS API reference page (intl.cloud.baidu.com/en/doc/BOS/s/<id>-intl-en)
// The table of contents (test/fixtures/seed-api-toc.txt, transcribed from ../shared/seed/api-reference-toc.md)
// names the APIs; the test fails if one has no row, or a row names an API the contents do not list.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { analyzeHar } from '../../src/core/analyze.ts'
import { OPERATION_NAMES, type OperationName } from '../../src/core/operation-names.ts'
import { entry } from '../helpers/har.ts'

const here = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(here, '../..')

const V = 'https://mybucket.bj.bcebos.com'
const P = 'https://bj.bcebos.com/v1/mybucket' // path-style, as the JS SDK sends it
const S = 'https://bj.bcebos.com'
const JSON_CT = { 'Content-Type': 'application/json; charset=utf-8' }
const FORM = { 'Content-Type': 'multipart/form-data; boundary=----x' }

/** Table-of-contents titles that are slips: the name the vocabulary uses instead, and why. */
const TITLE_SLIPS: Record<string, OperationName> = {
  DeleteBuketMirroring: 'DeleteBucketMirroring', // "Buket": every SDK and the sibling pages say Bucket
  listObjectVersions: 'ListObjectVersions', // the only title with a lower-case initial
}

type Row = readonly [title: string, method: string, url: string, req: Record<string, string>, source: string]

// One row per API, in the order of the table of contents.
const TOC_ROWS: readonly Row[] = [
  // Service-related
  ['ListBuckets', 'GET', `${S}/`, {}, 'go ListBuckets: GET /; py list_buckets; java listBuckets; js listBuckets'],
  ['DeleteUserQuota', 'DELETE', `${S}/?userQuota`, {}, 'go DeleteUserQuota: DELETE ?userQuota; py delete_user_quota; js deleteUserQuota'],
  ['PutUserQuota', 'PUT', `${S}/?userQuota`, JSON_CT, 'go PutUserQuota: PUT ?userQuota; py put_user_quota; js putUserQuota'],
  ['GetUserQuota', 'GET', `${S}/?userQuota`, {}, 'go GetUserQuota: GET ?userQuota; py get_user_quota; js getUserQuota'],
  // Multipart upload-related
  [
    'AbortMultipartUpload',
    'DELETE',
    `${V}/big.bin?uploadId=u1`,
    {},
    'go AbortMultipartUpload: DELETE ?uploadId=; py abort_multipart_upload; java abortMultipartUpload; js abortMultipartUpload',
  ],
  [
    'ListMultipartUploads',
    'GET',
    `${V}/?uploads&maxUploads=10`,
    {},
    'go ListMultipartUploads: GET ?uploads; py list_multipart_uploads; java listMultipartUploads; js listMultipartUploads',
  ],
  ['ListParts', 'GET', `${V}/big.bin?uploadId=u1&maxParts=100`, {}, 'go ListParts: GET ?uploadId=; py list_parts; java listParts; js listParts'],
  [
    'UploadPart',
    'PUT',
    `${V}/big.bin?partNumber=1&uploadId=u1`,
    {},
    'go UploadPart: PUT ?uploadId=&partNumber=; py upload_part; java uploadPart; js uploadPartFromBlob',
  ],
  [
    'InitiateMultipartUpload',
    'POST',
    `${V}/big.bin?uploads`,
    {},
    'go InitiateMultipartUpload: POST ?uploads; py initiate_multipart_upload; java initiateMultipartUpload; js initiateMultipartUpload',
  ],
  [
    'UploadPartCopy',
    'PUT',
    `${V}/big.bin?partNumber=2&uploadId=u1`,
    { 'x-bce-copy-source': '/src/k', 'x-bce-copy-source-range': 'bytes=0-102399' },
    'go UploadPartCopy: PUT ?uploadId=&partNumber= + x-bce-copy-source; py upload_part_copy; java uploadPartCopy; js uploadPartCopy',
  ],
  [
    'CompleteMultipartUpload',
    'POST',
    `${V}/big.bin?uploadId=u1`,
    JSON_CT,
    'go CompleteMultipartUpload: POST ?uploadId=; py complete_multipart_upload; java completeMultipartUpload; js completeMultipartUpload',
  ],
  // Bucket-related: original image protection
  [
    'PutBucketCopyrightProtection',
    'PUT',
    `${V}/?copyrightProtection`,
    JSON_CT,
    'go PutBucketCopyrightProtection: PUT ?copyrightProtection; py put_bucket_copyright_protection; java setBucketCopyrightProtection (Constants.COPYRIGHTPROTECTION)',
  ],
  [
    'GetCopyrightProtection',
    'GET',
    `${V}/?copyrightProtection`,
    {},
    'go GetBucketCopyrightProtection: GET ?copyrightProtection; py get_bucket_copyright_protection; java getBucketCopyrightProtection',
  ],
  [
    'DeleteCopyrightProtection',
    'DELETE',
    `${V}/?copyrightProtection`,
    {},
    'go DeleteBucketCopyrightProtection: DELETE ?copyrightProtection; py delete_bucket_copyright_protection; java deleteBucketCopyrightProtection',
  ],
  // tag management
  ['PutBucketTagging', 'PUT', `${V}/?tagging`, JSON_CT, 'go PutBucketTag: PUT ?tagging; py put_bucket_tagging; java putBucketTagging'],
  ['DeleteBucketTagging', 'DELETE', `${V}/?tagging`, {}, 'go DeleteBucketTag: DELETE ?tagging; py delete_bucket_tagging; java deleteBucketTagging'],
  ['GetBucketTagging', 'GET', `${V}/?tagging`, {}, 'go GetBucketTag: GET ?tagging; py get_bucket_tagging; java getBucketTagging'],
  // quota management
  ['PutBucketQuota', 'PUT', `${V}/?quota`, JSON_CT, 'go PutBucketQuota: PUT ?quota; py put_bucket_quota; java putBucketQuota'],
  ['GetBucketQuota', 'GET', `${V}/?quota`, {}, 'go GetBucketQuota: GET ?quota; py get_bucket_quota; java getBucketQuota'],
  ['DeleteBucketQuota', 'DELETE', `${V}/?quota`, {}, 'go DeleteBucketQuota: DELETE ?quota; py delete_bucket_quota; java deleteBucketQuota'],
  // data encryption
  [
    'GetBucketEncryption',
    'GET',
    `${V}/?encryption`,
    {},
    'go GetBucketEncryption: GET ?encryption; py get_bucket_encryption; java getBucketEncryption; js getBucketEncryption',
  ],
  [
    'DeleteBucketEncryption',
    'DELETE',
    `${V}/?encryption`,
    {},
    'go DeleteBucketEncryption: DELETE ?encryption; py delete_bucket_encryption; java deleteBucketEncryption; js deleteBucketEncryption',
  ],
  [
    'PutBucketEncryption',
    'PUT',
    `${V}/?encryption`,
    JSON_CT,
    'go PutBucketEncryption: PUT ?encryption; py put_bucket_encryption; java setBucketEncryption; js putBucketEncryption',
  ],
  // event notification: PostEvent and PostResult are what BOS sends to the rule's URL
  ['PostResult', 'POST', `${V}/?result`, JSON_CT, 'doc PostResult (xkc4lzq0k): POST /?result, its example to BucketName.bj.bcebos.com; no SDK sends it'],
  [
    'DeleteNotification',
    'DELETE',
    `${V}/?notification`,
    {},
    'go DeleteBucketNotification: DELETE ?notification; py delete_notification; java deleteBucketNotification',
  ],
  ['PostEvent', 'POST', `${P}/?event`, JSON_CT, 'doc PostEvent (lkc4lyou5): POST /?event; "Pushing Event Messages" (mkkp8dyb8): POST /v1/{bucketName}/?event'],
  ['GetNotification', 'GET', `${V}/?notification`, {}, 'go GetBucketNotification: GET ?notification; py get_notification; java getBucketNotification'],
  ['PutNotification', 'PUT', `${V}/?notification`, JSON_CT, 'go PutBucketNotification: PUT ?notification; py put_notification; java putBucketNotification'],
  // recycle bin
  ['DeleteBucketTrash', 'DELETE', `${V}/?trash`, {}, 'go DeleteBucketTrash: DELETE ?trash; py delete_bucket_trash; java deleteBucketTrash'],
  ['GetBucketTrash', 'GET', `${V}/?trash`, {}, 'go GetBucketTrash: GET ?trash; py get_bucket_trash; java getBucketTrash'],
  ['PutBucketTrash', 'PUT', `${V}/?trash`, JSON_CT, 'go PutBucketTrash: PUT ?trash; py put_bucket_trash; java putBucketTrash'],
  // data synchronization
  [
    'GetBucketReplicationProgress',
    'GET',
    `${V}/?replicationProgress&id=r1`,
    {},
    'go GetBucketReplicationProgress: GET ?replicationProgress&id=; py get_bucket_replication_progress; java getBucketReplicationProgress; js getBucketReplicationProgress',
  ],
  [
    'ListBucketReplication',
    'GET',
    `${V}/?replication&list`,
    {},
    'go ListBucketReplication: GET ?replication&list; py list_bucket_replication; java listBucketReplication; js listBucketReplication',
  ],
  [
    'GetBucketReplication',
    'GET',
    `${V}/?replication&id=r1`,
    {},
    'go GetBucketReplication: GET ?replication[&id=]; py get_bucket_replication; java getBucketReplication; js getBucketReplication',
  ],
  [
    'PutBucketReplication',
    'PUT',
    `${V}/?replication&id=r1`,
    JSON_CT,
    'go PutBucketReplication: PUT ?replication[&id=]; py put_bucket_replication; java setBucketReplication; js putBucketReplication',
  ],
  [
    'DeleteBucketReplication',
    'DELETE',
    `${V}/?replication&id=r1`,
    {},
    'go DeleteBucketReplication: DELETE ?replication[&id=]; py delete_bucket_replication; java deleteBucketReplication; js deleteBucketReplication',
  ],
  // cross-origin access
  ['GetBucketCors', 'GET', `${V}/?cors`, {}, 'go GetBucketCors: GET ?cors; py get_bucket_cors; java getBucketCors'],
  ['PutBucketCors', 'PUT', `${V}/?cors`, JSON_CT, 'go PutBucketCors: PUT ?cors; py put_bucket_cors; java setBucketCors'],
  ['DeleteBucketCors', 'DELETE', `${V}/?cors`, {}, 'go DeleteBucketCors: DELETE ?cors; py delete_bucket_cors; java deleteBucketCors'],
  // mirror back-to-origin
  ['PutBucketMirroring', 'PUT', `${V}/?mirroring`, JSON_CT, 'go PutBucketMirror: PUT ?mirroring; py put_bucket_mirroring; java putBucketMirroring'],
  ['DeleteBuketMirroring', 'DELETE', `${V}/?mirroring`, {}, 'go DeleteBucketMirror: DELETE ?mirroring; py delete_bucket_mirroring; java deleteBucketMirroring'],
  ['GetBucketMirroring', 'GET', `${V}/?mirroring`, {}, 'go GetBucketMirror: GET ?mirroring; py get_bucket_mirroring; java getBucketMirroring'],
  // basic operations
  [
    'GetBucketLocation',
    'GET',
    `${V}/?location`,
    {},
    'go GetBucketLocation: GET ?location; py get_bucket_location; java getBucketLocation; js getBucketLocation',
  ],
  ['HeadBucket', 'HEAD', `${V}/`, {}, 'go HeadBucket: HEAD /; py does_bucket_exist; java doesBucketExist; js headBucket'],
  [
    'PutBucketStorageclass',
    'PUT',
    `${V}/?storageClass`,
    JSON_CT,
    'go PutBucketStorageclass: PUT ?storageClass; py set_bucket_storage_class; java setBucketStorageClass; js putBucketStorageclass',
  ],
  ['PutBucket', 'PUT', `${V}/`, {}, 'go PutBucket: PUT /; py create_bucket; java createBucket; js putBucket'],
  [
    'GetBucketStorageClass',
    'GET',
    `${V}/?storageClass`,
    {},
    'go GetBucketStorageclass: GET ?storageClass; py get_bucket_storage_class; java getBucketStorageClass; js getBucketStorageclass; doc title GetBucketStorageClass (Ukc4f8p3b)',
  ],
  ['DeleteBucket', 'DELETE', `${V}/`, {}, 'go DeleteBucket: DELETE /; py delete_bucket; java deleteBucket; js deleteBucket'],
  // lifecycle
  [
    'DeleteBucketLifecycle',
    'DELETE',
    `${V}/?lifecycle`,
    {},
    'go DeleteBucketLifecycle: DELETE ?lifecycle; py delete_bucket_lifecycle; java deleteBucketLifecycle; js deleteBucketLifecycle',
  ],
  [
    'GetBucketLifecycle',
    'GET',
    `${V}/?lifecycle`,
    {},
    'go GetBucketLifecycle: GET ?lifecycle; py get_bucket_lifecycle; java getBucketLifecycle; js getBucketLifecycle',
  ],
  [
    'PutBucketLifecycle',
    'PUT',
    `${V}/?lifecycle`,
    JSON_CT,
    'go PutBucketLifecycle: PUT ?lifecycle; py put_bucket_lifecycle; java setBucketLifecycle; js putBucketLifecycle',
  ],
  // permission control
  [
    'PutBucketAcl',
    'PUT',
    `${V}/?acl`,
    { 'x-bce-acl': 'public-read' },
    'go PutBucketAcl: PUT ?acl; py set_bucket_canned_acl; java setBucketAcl; js setBucketCannedAcl',
  ],
  ['GetBucketAcl', 'GET', `${V}/?acl`, {}, 'go GetBucketAcl: GET ?acl; py get_bucket_acl; java getBucketAcl; js getBucketAcl'],
  // compliance retention: lower-case parameters, Init/Extend/Complete are POSTs
  [
    'ExtendBucketObjectLock',
    'POST',
    `${V}/?extendobjectlock`,
    JSON_CT,
    'go ExtendBucketObjectLock: POST ?extendobjectlock; py extend_bucket_object_lock; js extendBucketObjectLock; doc okc4ltaed',
  ],
  [
    'DeleteBucketObjectLock',
    'DELETE',
    `${V}/?objectlock`,
    {},
    'go DeleteBucketObjectLock: DELETE ?objectlock; py delete_bucket_object_lock; js deleteBucketObjectLock',
  ],
  [
    'CompleteBucketObjectLock',
    'POST',
    `${V}/?completeobjectlock`,
    {},
    'go CompleteBucketObjectLock: POST ?completeobjectlock; py complete_bucket_object_lock; js completeBucketObjectLock',
  ],
  [
    'InitBucketObjectLock',
    'POST',
    `${V}/?objectlock`,
    JSON_CT,
    'go InitBucketObjectLock: POST ?objectlock; py init_bucket_object_lock; js initBucketObjectLock; doc Xkc4jkho7: POST /?objectlock',
  ],
  ['GetBucketObjectLock', 'GET', `${V}/?objectlock`, {}, 'go GetBucketObjectLock: GET ?objectlock; py get_bucket_object_lock; js getBucketObjectLock'],
  // bucket inventory: with id one rule, without it the list
  ['GetBucketInventory', 'GET', `${V}/?inventory&id=inv1`, {}, 'go GetBucketInventory: GET ?inventory&id=; py get_bucket_inventory; java getBucketInventory'],
  [
    'ListBucketInventory',
    'GET',
    `${V}/?inventory`,
    {},
    'go ListBucketInventory: GET ?inventory; py list_bucket_inventory; java listBucketInventory; doc Bkh0hdmw0',
  ],
  [
    'DeleteBucketInventory',
    'DELETE',
    `${V}/?inventory&id=inv1`,
    {},
    'go DeleteBucketInventory: DELETE ?inventory&id=; py delete_bucket_inventory; java deleteBucketInventory',
  ],
  [
    'PutBucketInventory',
    'PUT',
    `${V}/?inventory&id=inv1`,
    JSON_CT,
    'go PutBucketInventory: PUT ?inventory&id=; py put_bucket_inventory; java putBucketInventory',
  ],
  // requester pays
  ['GetBucketRequestPayment', 'GET', `${V}/?requestPayment`, {}, 'go GetBucketRequestPayment: GET ?requestPayment'],
  ['PutBucketRequestPayment', 'PUT', `${V}/?requestPayment`, JSON_CT, 'go PutBucketRequestPayment: PUT ?requestPayment'],
  // static website
  [
    'PutBucketStaticWebsite',
    'PUT',
    `${V}/?website`,
    JSON_CT,
    'go PutBucketStaticWebsite: PUT ?website; py put_bucket_static_website; java setBucketStaticWebSite; js putBucketStaticWebsite',
  ],
  [
    'DeleteBucketStaticWebsite',
    'DELETE',
    `${V}/?website`,
    {},
    'go DeleteBucketStaticWebsite: DELETE ?website; py delete_bucket_static_website; java deleteBucketStaticWebSite; js deleteBucketStaticWebsite',
  ],
  [
    'GetBucketStaticWebsite',
    'GET',
    `${V}/?website`,
    {},
    'go GetBucketStaticWebsite: GET ?website; py get_bucket_static_website; java getBucketStaticWebsite; js getBucketStaticWebsite',
  ],
  // versioning
  [
    'PutBucketVersioning',
    'PUT',
    `${V}/?versioning`,
    JSON_CT,
    'go PutBucketVersioning: PUT ?versioning; py put_bucket_versioning; java putBucketVersioning; js putBucketVersioning',
  ],
  [
    'GetBucketVersioning',
    'GET',
    `${V}/?versioning`,
    {},
    'go GetBucketVersioning: GET ?versioning; py get_bucket_versioning; java getBucketVersioning; js getBucketVersioning',
  ],
  // logging
  [
    'DeleteBucketLogging',
    'DELETE',
    `${V}/?logging`,
    {},
    'go DeleteBucketLogging: DELETE ?logging; py delete_bucket_logging; java deleteBucketLogging; js deleteBucketLogging',
  ],
  ['GetBucketLogging', 'GET', `${V}/?logging`, {}, 'go GetBucketLogging: GET ?logging; py get_bucket_logging; java getBucketLogging; js getBucketLogging'],
  ['PutBucketLogging', 'PUT', `${V}/?logging`, JSON_CT, 'go PutBucketLogging: PUT ?logging; py put_bucket_logging; java setBucketLogging; js putBucketLogging'],
  // Object-related: object tag
  ['PutObjectTagging', 'PUT', `${V}/a.txt?tagging`, JSON_CT, 'go PutObjectTag: PUT ?tagging; py put_object_tagging'],
  ['GetObjectTagging', 'GET', `${V}/a.txt?tagging`, {}, 'go GetObjectTag: GET ?tagging; py get_object_tagging'],
  ['DeleteObjectTagging', 'DELETE', `${V}/a.txt?tagging`, {}, 'go DeleteObjectTag: DELETE ?tagging; py delete_object_tagging'],
  // basic operations
  [
    'CopyObject',
    'PUT',
    `${V}/b.txt`,
    { 'x-bce-copy-source': '/src/a.txt', 'x-bce-metadata-directive': 'copy' },
    'go CopyObject: PUT + x-bce-copy-source; py copy_object; java copyObject; js copyObject',
  ],
  ['ListObjects', 'GET', `${V}/?prefix=a&maxKeys=10`, {}, 'go ListObjects: GET /?maxKeys&prefix…; py list_objects; java listObjects; js listObjects'],
  [
    'FetchObject',
    'POST',
    `${V}/copy.bin?fetch`,
    { 'x-bce-fetch-source': 'https://e.com/a' },
    'go FetchObject: POST ?fetch + x-bce-fetch-source; py fetch_object; java fetchObject; js fetchObject',
  ],
  ['GetObjectMeta', 'HEAD', `${V}/a.txt`, {}, 'go GetObjectMeta: HEAD /key; py get_object_meta_data; java getObjectMetadata; js getObjectMetadata'],
  ['PostObject', 'POST', `${V}/`, FORM, 'go PostObject: POST / multipart/form-data; js postObject; doc akc5orrn5'],
  ['listObjectVersions', 'GET', `${V}/?versions&maxKeys=1000`, {}, 'go ListObjectsVersions: GET ?versions; py list_objects_versions; js listObjectVersions'],
  ['DeleteObject', 'DELETE', `${V}/a.txt`, {}, 'go DeleteObject: DELETE /key; py delete_object; java deleteObject; js deleteObject'],
  ['PutObject', 'PUT', `${V}/a.txt`, { 'Content-MD5': 'XrY7u+Ae7tCTyyK7j1rNww==' }, 'go PutObject: PUT /key; py put_object; java putObject; js putObject'],
  [
    'AppendObject',
    'POST',
    `${V}/log.txt?append&offset=11`,
    {},
    'go AppendObject: POST ?append[&offset=]; py append_object; java appendObject; js appendObject',
  ],
  [
    'DeleteMultipleObjects',
    'POST',
    `${V}/?delete`,
    JSON_CT,
    'go DeleteMultipleObjects: POST ?delete; py delete_multiple_objects; java deleteMultipleObjects; js deleteMultipleObjects',
  ],
  [
    'RestoreObject',
    'POST',
    `${V}/cold.bin?restore`,
    { 'x-bce-restore-days': '1' },
    'go RestoreObject: POST ?restore + x-bce-restore-days; py restore_object; java restoreObject; js restoreObject',
  ],
  ['GetObject', 'GET', `${V}/a.txt`, { Range: 'bytes=0-9' }, 'go GetObject: GET /key; py get_object; java getObject; js getObject'],
  [
    'OPTIONSObject',
    'OPTIONS',
    `${V}/a.txt`,
    { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'PUT' },
    'go OptionsObject: OPTIONS /key; js optionsObject; doc title OPTIONSObject (Xl098qh8g)',
  ],
  // soft links
  ['GetSymlink', 'GET', `${V}/link?symlink`, {}, 'go GetObjectSymlink: GET ?symlink; py get_object_symlink; java getObjectSymlink; js getSymlink'],
  [
    'PutSymlink',
    'PUT',
    `${V}/link?symlink`,
    { 'x-bce-symlink-target': 'a.txt' },
    'go PutObjectSymlink: PUT ?symlink + x-bce-symlink-target; py put_object_symlink; java putObjectSymlink; js putSymlink',
  ],
  // permission control
  ['GetObjectAcl', 'GET', `${V}/a.txt?acl`, {}, 'go GetObjectAcl: GET ?acl; py get_object_acl; java getObjectAcl; js getObjectAcl'],
  [
    'PutObjectAcl',
    'PUT',
    `${V}/a.txt?acl`,
    { 'x-bce-acl': 'private' },
    'go PutObjectAcl: PUT ?acl; py set_object_canned_acl; java setObjectAcl; js putObjectCannedAcl',
  ],
  ['DeleteObjectAcl', 'DELETE', `${V}/a.txt?acl`, {}, 'go DeleteObjectAcl: DELETE ?acl; py delete_object_acl; java deleteObjectAcl; js deleteObjectAcl'],
  // select scanning
  [
    'SelectObject',
    'POST',
    `${V}/data.csv?select&type=csv`,
    JSON_CT,
    'go SelectObject: POST ?select&type=; py select_object; java selectObject; js selectObject',
  ],
]

// The same APIs in the other forms the SDKs send, and neighbouring shapes that are not APIs.
const VARIANT_ROWS: readonly (readonly [name: OperationName | null, method: string, url: string, req: Record<string, string>, why: string])[] = [
  ['GetBucketReplication', 'GET', `${V}/?replication`, {}, 'go/py: without a rule id (one-rule buckets)'],
  ['ListBucketReplication', 'GET', `${P}/?replication=&list=`, {}, 'js: path-style with /v1, empty values'],
  ['PutBucketReplication', 'PUT', `${V}/?replication`, JSON_CT, 'go: without a rule id'],
  ['GetBucketInventory', 'GET', `${P}/?id=inv1&inventory`, {}, 'parameters in any order'],
  [null, 'PUT', `${V}/?objectlock`, JSON_CT, 'Init is a POST: no SDK or page sends PUT ?objectlock'],
  [null, 'PUT', `${V}/?extendobjectlock`, JSON_CT, 'Extend is a POST'],
  ['ListObjects', 'GET', `${V}/?objectLock`, {}, 'parameters are case-sensitive: ?objectLock is an unknown one, not GetBucketObjectLock'],
  ['InitBucketObjectLock', 'POST', `${P}/?objectlock`, JSON_CT, 'doc Xkc4jkho7 URI form: POST /v1/{bucketName}/?objectlock'],
  [null, 'POST', `${V}/?copyrightProtection`, {}, 'a sub-resource without that method'],
  ['GetObjectMeta', 'HEAD', `${V}/a.txt?versionId=v1`, {}, 'py get_object_meta_data: HEAD ?versionId='],
  ['GetObjectMeta', 'HEAD', 'https://s3.bj.bcebos.com/mybucket/a.txt', {}, 'the S3 endpoint names it HeadObject; BOS calls it GetObjectMeta'],
  [null, 'HEAD', `${V}/a.txt?acl`, {}, 'a sub-resource without HEAD'],
  ['FetchObject', 'POST', `${V}/copy.bin`, { 'x-bce-fetch-source': 'https://e.com/a' }, 'the header alone'],
  ['OPTIONSObject', 'OPTIONS', `${V}/`, { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'POST' }, 'the preflight of a PostObject'],
  ['UploadPartCopy', 'PUT', 'https://s3.bj.bcebos.com/mybucket/big.bin?partNumber=1&uploadId=u1', { 'x-amz-copy-source': '/src/k' }, 'S3 endpoint copy header'],
  ['PostEvent', 'POST', `${V}/?event`, JSON_CT, 'virtual-host form of the push'],
  [null, 'GET', `${V}/?event`, {}, 'only POST is documented'],
]

function operationOf(method: string, url: string, req: Record<string, string>): string | null {
  const r = analyzeHar({ log: { entries: [entry({ method, url, req, resourceType: method === 'OPTIONS' ? 'preflight' : 'fetch' })] } })
  expect(r.entries).toHaveLength(1)
  return r.entries[0]!.operation
}

const nameOf = (title: string): string => TITLE_SLIPS[title] ?? title

function readToc(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t')[1]!)
}
const toc = readToc(readFileSync(resolve(here, '../fixtures/seed-api-toc.txt'), 'utf8'))

describe('every API of the table of contents gets its documented name', () => {
  it.each(TOC_ROWS)('%s: %s %s', (title, method, url, req) => {
    expect(operationOf(method, url, req)).toBe(nameOf(title))
  })

  it.each(VARIANT_ROWS)('%s: %s %s (%s)', (name, method, url, req) => {
    expect(operationOf(method, url, req)).toBe(name)
  })

  it('has one row per API of the contents, in its order, each with a source', () => {
    expect(TOC_ROWS.map((r) => r[0])).toEqual(toc)
    for (const r of TOC_ROWS) expect(r[4]).toMatch(/^(go|doc) /)
  })

  it('every API name of the contents is in OPERATION_NAMES, and every name there is given to some request', () => {
    const names = new Set<string>(OPERATION_NAMES)
    expect(toc.map(nameOf).filter((n) => !names.has(n))).toEqual([])
    const given = new Set<string | null>([...TOC_ROWS.map((r) => nameOf(r[0])), ...VARIANT_ROWS.map((r) => r[0])])
    expect(OPERATION_NAMES.filter((n) => !given.has(n))).toEqual(['RenameObject']) // not in the contents; operations.test.ts
    expect(Object.keys(TITLE_SLIPS).every((t) => toc.includes(t) && !names.has(t))).toBe(true)
  })
})

// The transcription against the seed itself, where it is checked out (../shared next to the repo, or next
// to the worktrees).
const seedPath = [resolve(repoRoot, '../shared/seed/api-reference-toc.md'), resolve(repoRoot, '../../shared/seed/api-reference-toc.md')].find((p) =>
  existsSync(p),
)

describe.skipIf(seedPath === undefined)('seed-api-toc.txt vs the shared table of contents', () => {
  it('lists exactly the APIs of the four sections', () => {
    const SECTIONS: Record<string, string> = {
      'Service-Related Interface': 'service',
      'Multipart Upload-Related Interface': 'multipart',
      'Bucket-Related Interface': 'bucket',
      'Object-Related Interface': 'object',
    }
    const bullets = readFileSync(seedPath!, 'utf8')
      .split('\n')
      .map((l) => /^( *)• (.+)$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => ({ depth: m[1]!.length, title: m[2]!.trim() }))
    const found: string[] = []
    let section: { name: string; depth: number } | null = null
    bullets.forEach((b, i) => {
      if (section && b.depth <= section.depth) section = null
      if (SECTIONS[b.title]) section = { name: SECTIONS[b.title]!, depth: b.depth }
      else if (section && (bullets[i + 1]?.depth ?? 0) <= b.depth && b.title !== 'User guide') found.push(`${section.name}\t${b.title}`)
    })
    const fixture = readFileSync(resolve(here, '../fixtures/seed-api-toc.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    expect(found).toEqual(fixture)
  })
})
