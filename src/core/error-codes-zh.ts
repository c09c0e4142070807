/**
 * BOS 错误码的简体中文说明与处理建议，与 error-codes.ts 中 ERROR_CODES 的英文 description / advice
 * 一一对应（test/core/error-codes-zh.test.ts 检查覆盖全部错误码）。服务器返回的 message 不翻译：
 * 那是服务器实际发送的内容，仍取自 ERROR_CODES。
 *
 * A separate module on purpose: the panel must not import it (its bundle budget is tight). The core, the
 * DevTools page and the CLI look codes up through describeErrorCode, which needs the English table for
 * its fallback: that is this module's only value import, and every user of it already bundles that table.
 */
import type { Locale } from '../i18n/locale.ts'
import { lookupErrorCode } from './error-codes.ts'
import { lookupS3ErrorCode } from './s3-error-codes.ts'

export interface ErrorCodeText {
  description: string
  advice: string
}

export const ERROR_CODES_ZH: Readonly<Record<string, ErrorCodeText>> = {
  AccessDenied: {
    description: 'BOS 拒绝了该调用方对此存储桶或对象的这项操作：可能是对非公共读写存储桶的匿名请求，也可能是所用的 AK（或 STS 临时凭证）没有相应权限。',
    advice:
      '检查该 AK 对应的存储桶 ACL / IAM 策略；使用 STS 临时凭证时，accessControlList 必须覆盖此存储桶、对象键前缀和所需权限（例如上传需要 WRITE）。对于表单上传（PostObject），通常是表单中的 key 或 bucket 不满足 Policy 中的条件，例如 {"key":"prefix*"}。新建的存储桶也可能拒绝路径形式（path-style）的 URL：请使用 {bucket}.{region}.bcebos.com。',
  },
  AccountOverdue: {
    description: '存储桶所属的百度智能云账号存在欠费，BOS 拒绝了它的请求。',
    advice: '这不是客户端的问题：需要账号所有者在费用中心结清欠款；账号恢复正常后，请求即可恢复。',
  },
  BadDigest: {
    description: '请求附带的校验值（Content-MD5 或 x-bce-content-sha256）与 BOS 实际收到的数据不一致。',
    advice:
      'Content-MD5 必须是 16 字节原始 MD5 摘要的 Base64 编码，而不是 32 位十六进制字符串。否则就是发送的请求体与计算摘要时的数据不同：请对实际发送的那个 Blob / 切片计算摘要（分块范围相同，不要转成文本再编码），内容有任何改动都要重新计算。',
  },
  BucketAlreadyExists: {
    description: '存储桶名称在所有 BOS 用户之间全局唯一，这个名称已被占用（可能是其他账号）。',
    advice: '请换一个名称。如果这个存储桶本来就是你的，跳过创建直接使用即可；网页一般不应该去创建存储桶。',
  },
  BucketNotEmpty: {
    description: '对仍有对象的存储桶调用了 DeleteBucket。',
    advice: '先删除所有对象（最好也取消未完成的分块上传），再删除存储桶。',
  },
  EntityTooLarge: {
    description: '上传的数据超过了 BOS 对此类单次请求允许的大小。',
    advice: '单次 PutObject 最大 5 GB；更大的文件请使用分块上传（每个分块最大 5 GB），例如 JS SDK 的 putSuperObject。',
  },
  EntityTooSmall: {
    description: '完成分块上传时，除最后一个分块外，有分块小于最小分块大小。',
    advice:
      '除最后一个分块外，每个分块都必须至少 100 KB。通常是切片逻辑有 bug，产生了很小或为空的切片；请使用固定的分块大小（例如 1–5 MB），只让最后一个分块更小。',
  },
  InappropriateJSON: {
    description: '请求体是合法的 JSON，但内容不符合该操作的要求，例如缺少必填字段或字段类型不对。',
    advice:
      '对照该接口的 API 文档检查请求体（字段采用小驼峰命名，例如 CompleteMultipartUpload 的 parts[].partNumber 和 eTag）。留意那些值为 undefined、被 JSON.stringify 丢掉的字段。',
  },
  InappropriateXML: {
    description: '请求体是合法的 XML，但内容不符合该操作的要求。',
    advice: 'BOS 原生 API 使用 JSON，出现 XML 请求体通常说明调用的是 S3 兼容接口（s3.{region}.bcebos.com）；请按该 S3 操作的 Schema 检查 XML。',
  },
  InternalError: {
    description: 'BOS 内部出错；请求本身很可能没有问题。',
    advice:
      '使用指数退避重试（Python / Go / Java SDK 会自动重试 5xx，JS SDK 不会）。如果问题持续存在，请提交工单，并附上响应头中的 x-bce-request-id 和 x-bce-debug-id。',
  },
  InvalidArgument: {
    description: '某个参数或请求头的取值不被该操作接受。',
    advice: '常见原因是 partNumber 超出 1–10000，或请求头的取值不受支持（例如 x-bce-storage-class）。请对照该接口的 API 文档检查查询字符串和 x-bce-* 请求头。',
  },
  InvalidBucketName: {
    description: '域名或路径中的存储桶名称不是合法的 BOS 存储桶名称。',
    advice:
      '只能使用小写字母、数字和 "-"，以字母或数字开头和结尾，最长 63 个字符。使用虚拟主机形式的 URL 时，存储桶必须是域名的第一段（{bucket}.{region}.bcebos.com）；请确认自定义 endpoint 没有把它挤到别的位置。',
  },
  InvalidEncryptionAlgorithm: {
    description: '请求的服务端加密算法不受 BOS 支持。',
    advice: '将 x-bce-server-side-encryption 设为受支持的值，例如 AES256 或 SM4；或者不设置，使用存储桶的默认加密。',
  },
  InvalidHTTPAuthHeader: {
    description: 'Authorization 的值无法解析为 bce-auth-v1 认证字符串。',
    advice:
      '格式应为 bce-auth-v1/{ak}/{yyyy-mm-ddThh:mm:ssZ}/{seconds}/{signedHeaders}/{64 位小写十六进制}：时间戳不带毫秒，不能有多余的前缀或空格。预签名 URL 中的 authorization 值只能做一次 URL 编码。',
  },
  InvalidHTTPRequest: {
    description: '无法将请求体读取为有效内容，例如编码有误。',
    advice:
      '检查 Content-Length 和 Content-Encoding 是否与实际发送的请求体一致；在浏览器中请发送 Blob 或 ArrayBuffer，而不是重新编码过的文本。Go SDK 对没有响应体的 400（例如 HEAD 请求）也会报这个错误码。',
  },
  InvalidObjectName: {
    description: '对象键被拒绝，通常是因为超出了最大长度。',
    advice: '缩短对象键（非 ASCII 字符在 UTF-8 中占多个字节）；不要用完整的本地路径或很长的文件名来拼接对象键。',
  },
  InvalidPart: {
    description: 'CompleteMultipartUpload 列出的分块在 BOS 上不存在，或者 eTag 与已存储分块的不一致。',
    advice:
      '在浏览器中，这通常是 CORS 没有暴露 ETag，SDK 读到的是 undefined：请在 allowedExposeHeaders 中加入 ETag。否则，请发送每个 UploadPart 返回的 ETag（去掉引号）或 ListParts 给出的值，并在所有分块都上传完成后再完成分块上传。',
  },
  InvalidPartOrder: {
    description: '提交给 CompleteMultipartUpload 的分块列表没有按 partNumber 排序。',
    advice: '并行上传的分块完成顺序是乱的；完成分块上传前，请按 partNumber 升序排序（允许不连续，例如 1、3、5）。',
  },
  InvalidPolicyDocument: {
    description: '表单上传（PostObject）被拒绝：Policy 格式有误，或表单字段不满足 Policy。',
    advice:
      'policy 字段必须是 {"expiration":"...Z","conditions":[...]} 的 Base64 编码，signature 为 HMAC-SHA256(SK, 该 Base64 字符串) 的十六进制。请让 bucket、key 和文件大小满足每一个条件，并把 file 字段放在最后。',
  },
  InvalidRange: {
    description: 'Range 请求头请求的字节超出了对象的范围。',
    advice: '根据对象的实际大小确定范围（先 HEAD）：bytes=start-end 两端都包含在内，start 必须小于对象大小；空对象无法满足任何 Range。',
  },
  InvalidURI: {
    description: 'BOS 无法解析请求的路径或查询字符串。',
    advice: '对对象键做一次 UTF-8 百分号编码（保留 "/" 分隔符），切勿重复编码。检查 endpoint：末尾不要带 "/"，只有路径形式的域名才使用 /v1/{bucket}/{key}。',
  },
  MalformedJSON: {
    description: '请求体不是语法正确的 JSON。',
    advice: '发送 JSON.stringify 的结果，并把 Content-Type 设为 application/json。注意 Go SDK 在无法解析错误响应体时也会报这个错误码，请查看原始响应。',
  },
  MalformedXML: {
    description: 'XML 请求体格式不正确，或不符合预期的 Schema。',
    advice: 'BOS 原生接口使用 JSON；只有 S3 兼容接口才接受 XML，请按该操作的 S3 Schema 校验请求体。',
  },
  MaxMessageLengthExceeded: {
    description: '请求超出了允许的大小；表单上传（PostObject）中文件大小超出 Policy 的 content-length-range 时也会返回此错误。',
    advice:
      '对于 PostObject，让文件大小落在 Policy 的 content-length-range [min, max] 之内，或在签名时放宽范围。其他接口请把请求体控制在文档规定的限制内（例如 CompleteMultipartUpload 的请求体最大 1 MB）。',
  },
  MetadataTooLarge: {
    description: '用户自定义元数据请求头（x-bce-meta-*）的总大小超出了限制。',
    advice: '所有 x-bce-meta-* 的名称和值合计不要超过 2 KB；更大的数据请另存为对象，或放在你自己的数据库中。',
  },
  MethodNotAllowed: {
    description: '该资源不能使用此 HTTP 方法。',
    advice:
      '对照 API 检查方法与子资源的组合（例如初始化分块上传是 POST /{key}?uploads，上传分块是 PUT /{key}?partNumber&uploadId）。PostObject 必须向存储桶域名发送 POST /。',
  },
  MissingContentLength: {
    description: '带请求体的请求没有 Content-Length 请求头。',
    advice: '浏览器会为 Blob、ArrayBuffer 和字符串请求体自动设置 Content-Length，但流式（ReadableStream、分块传输编码）请求体不会；请改为上传 Blob 或其切片。',
  },
  MissingDateHeader: {
    description: '请求中既没有 x-bce-date 也没有 Date，BOS 无法校验签名时间。',
    advice:
      '页面无法设置 Date，所以请发送 x-bce-date（UTC，yyyy-mm-ddThh:mm:ssZ，不带毫秒）并让它参与签名。如果由服务器代页面签名，请让服务器返回它所用的 x-bce-date，页面原样发送。',
  },
  NoReplicationConfiguration: {
    description: '存储桶没有可读取或删除的跨区域复制配置。',
    advice: '查询从未配置过复制的存储桶时出现这个错误是正常的：按“未配置”处理即可。否则请检查存储桶名称和地域。',
  },
  NoSuchBucket: {
    description: '请求所发往的地域 endpoint 下不存在该名称的存储桶。',
    advice: '检查拼写和域名中的地域（bj、gz、su、bd、fwh、hkg 等）：存储桶只能通过它所在地域的域名访问。注意有些 endpoint 会把存储桶名同时放进域名和路径。',
  },
  NoSuchBucketEncryption: {
    description: '存储桶没有配置默认的服务端加密。',
    advice: '读取未加密存储桶的加密配置时出现这个错误是正常的，按“无加密”处理即可；或者先配置存储桶加密。',
  },
  NoSuchKey: {
    description: '存储桶中不存在该对象键对应的对象。',
    advice:
      '逐字节比对对象键：大小写、开头的 "/"、空格、"+" 和非 ASCII 字符的编码，以及存储桶名是否误混进了对象键（路径形式与虚拟主机形式）。如果刚上传过，请确认上传确实成功，且使用的是同一个对象键。',
  },
  NoSuchUpload: {
    description: '该 uploadId 没有对应的进行中的分块上传：ID 不对，或者这次上传已经完成或取消。',
    advice:
      '常见于断点续传时使用了保存下来（例如在 localStorage 中）、但已完成或已取消的 uploadId，或者 Complete 成功之后又重试。请发起新的分块上传；ListMultipartUploads 可以列出进行中的上传。',
  },
  NotImplemented: {
    description: '请求（通常是通过某个请求头）要求使用 BOS 不支持的功能。',
    advice: '去掉该操作文档中没有列出的请求头（S3 专有选项是常见来源），并确认该功能在当前地域和 endpoint 可用。',
  },
  ObjectUnappendable: {
    description: '对不是以追加方式创建的对象调用了 AppendObject（例如该对象来自 PutObject 或分块上传）。',
    advice:
      '只有由追加上传（AppendObject）创建的对象（x-bce-object-type: Appendable）才能继续追加。请从 offset 0 开始追加到一个新的对象键，或用 PutObject 重新上传整个对象。',
  },
  OffsetIncorrect: {
    description: 'AppendObject 的 offset 不等于对象当前的长度，或者对尚不存在的对象使用了非零的 offset。',
    advice:
      '用上一次追加返回的 x-bce-next-append-offset（或 HEAD 得到的大小）作为下一次的 offset，新对象用 0。通常是多个客户端同时追加，或者重试了一个其实已经成功的追加。',
  },
  PreconditionFailed: {
    description: '条件请求头（If-Match，或拷贝时的 x-bce-copy-source-if-*）对对象当前的状态不成立。',
    advice: '对象在读取 ETag 之后被修改了，或者 ETag 在传递过程中被改动。请 HEAD 对象获取当前的 ETag 后重试；如果不需要该条件，可以去掉。',
  },
  ReplicationNotEnabled: {
    description: '该操作需要存储桶开启跨区域复制，但并未开启。',
    advice: '先在源存储桶上启用复制规则，再重试；并确认访问的是正确的存储桶和地域。',
  },
  ReplicationStatusError: {
    description: '源存储桶或目标存储桶已参与其他复制规则，无法配置复制。',
    advice: '删除已有规则或改用其他存储桶，确保两个存储桶都既没有复制到别处，也不是其他存储桶的复制目标。',
  },
  ReplicationStatusNotEmpty: {
    description: '存储桶正在复制数据，或是其他存储桶的复制目标，因此无法删除。',
    advice: '先删除此存储桶上的复制配置，以及所有复制到它的存储桶上的复制配置，再删除存储桶。',
  },
  RequestExpired: {
    description: 'BOS 收到请求时，签名时间戳加上有效期（默认 1800 秒）已经过去；对于表单上传（PostObject），则是 Policy 的过期时间已过。',
    advice:
      '通常是客户端时钟偏慢、复用了预签名 URL 或缓存的签名，或者签名服务器的时钟不准。请校准时钟，并在发送前即时签名；如果 CORS 暴露了 Date 响应头，JS SDK 会在出错后根据服务器的 Date 自动校正。PostObject 需要重新获取 Policy。',
  },
  RequestTimeout: {
    description: 'BOS 等待请求体时，连接空闲的时间过长。',
    advice: '常见于上行带宽慢、单次 PUT 过大或并发分块过多：请降低并发、使用更小的分块并重试失败的分块；确认 Content-Length 与实际发送的字节数一致。',
  },
  ServiceUnavailable: {
    description: 'BOS 暂时无法处理请求，通常是因为负载或请求频率过高。',
    advice: '使用带随机抖动的指数退避重试，并限制页面的并行请求数（例如分块上传的并发数）。',
  },
  SignatureDoesNotMatch: {
    description: 'BOS 根据收到的请求计算出的 bce-auth-v1 签名与请求中提供的签名不一致。',
    advice:
      '先检查 AK/SK 是否配对。否则就是请求在签名之后被改动了：Firefox 会给 Content-Type 加上 "; charset=UTF-8"（请显式设置）、Host / 端口 / endpoint 不一致（末尾的 "/"、/v1）、参与签名的请求头没有发送（GET 请求的 Content-Length: 0），或对象键中的 ( ) ! * 等字符没有编码。',
  },
  SlowDown: {
    description: '请求频率过高，BOS 正在限流。',
    advice: '使用指数退避并降低并发（减少并行上传的文件或分块数）；不加延迟的重试只会让情况更糟。',
  },
  TooManyBuckets: {
    description: '账号的存储桶数量已达上限。',
    advice: '删除不用的存储桶，或在同一个存储桶中用对象键前缀区分用户或租户，而不是每个用户一个存储桶；确有需要，可联系技术支持提高配额。',
  },
  InvalidStaticWebSiteFormat: {
    description: '静态网站设置中的索引页或 404 页不被 BOS 接受，例如文件类型不受支持，或两者是同一个文件。',
    advice: '索引页和 404 页使用两个不同的对象（例如 index.html 和 404.html），并使用受支持的文件类型。',
  },
  NoSuchBucketStaticWebSiteConfig: {
    description: '存储桶没有静态网站配置。',
    advice: '读取从未配置过静态网站的存储桶时出现这个错误是正常的：按“未配置”处理，或先开启静态网站托管。',
  },
  StaticWebSiteIsDisable: {
    description: '静态网站托管已关闭或不可用，例如该存储桶所在的地域不提供此功能。',
    advice: '无法在页面中解决：请确认该存储桶所在的地域是否支持静态网站托管，或改用支持该功能的地域中的存储桶来托管网站。',
  },
  InvalidObjectState: {
    description: '对象处于归档存储（冻结）状态，或正在取回中，暂时无法读取数据。',
    advice: '调用 RestoreObject，等到 x-bce-restore 显示 ongoing-request="false" 后再读取；页面需要直接读取的对象不要放在归档存储（ARCHIVE）中。',
  },
  NotArchiveObject: {
    description: '对存储类型不是归档存储（ARCHIVE）的对象调用了 RestoreObject。',
    advice: '只有归档存储的对象需要取回，其他存储类型可以直接读取。可以先 HEAD 对象，查看 x-bce-storage-class。',
  },
  RestoreAlreadyInProgress: {
    description: '该归档对象的取回请求已经提交，仍在进行中。',
    advice: '不要再次调用 RestoreObject；用 HEAD 轮询，直到 x-bce-restore 显示 ongoing-request="false"，再读取对象。',
  },
  RestoreAlready: {
    description: '该归档对象已经取回，可以读取。',
    advice: '无需再次取回：请在其 x-bce-restore 响应头给出的 expiry-date 之前读取对象。',
  },
  RequestTimeTooSkewed: {
    description: '请求时间与服务器时钟相差过大；通常是时间戳在未来，因为过时的时间戳得到的是 RequestExpired。',
    advice:
      '客户端（或签名服务器）的时钟偏快：请校准。JS SDK 会根据响应的 Date 记录时差并重试一次，但在浏览器中，只有存储桶的 CORS 规则暴露了 Date 响应头时才有效。',
  },
  InvalidAccessKeyId: {
    description: '认证字符串中的 AK 在百度智能云中不存在。',
    advice:
      '检查 AK 是否完整、是否仍然有效（没有在控制台删除）。使用 STS 时，请用临时 AK 及其对应的 SK 签名，并发送 x-bce-security-token；令牌过期后需要重新调用 GetSessionToken。',
  },
  InvalidVersion: {
    description: 'URI 路径中的 API 版本前缀（例如 /v1）不被服务识别。',
    advice: '路径形式的域名使用 /v1/{bucket}/{key}，虚拟主机形式的 URL 不加前缀；前缀写错或重复（例如来自自定义 endpoint）是常见原因。',
  },
  OptInRequired: {
    description: '该 AK 所属的账号尚未开通所调用的服务。',
    advice: '在百度智能云控制台为该账号开通此服务，并确认 AK 属于预期的账号。',
  },
  NotAllowCopy: {
    description: 'CopyObject 拒绝了源对象；在将追加类型（Appendable）的对象拷贝到另一个对象键时出现过。',
    advice: '追加类型的对象不能这样拷贝到新的对象键：请下载后用 PutObject 重新上传，或者一开始就把数据创建为普通对象。',
  },
  SymlinkTargetNotExist: {
    description: '该对象键是一个软链接，但它指向的目标对象不存在。',
    advice: 'PutSymlink 不检查目标，所以软链接可能失效。用 GET ?symlink 读取 x-bce-symlink-target，然后上传目标对象（同一存储桶），或让软链接指向其他对象。',
  },
  InvalidEncryptionCustomerKey: {
    description: '客户提供的加密密钥（SSE-C）无效，或者其 MD5 请求头与密钥不一致。',
    advice:
      'x-bce-server-side-encryption-customer-key 和 -customer-key-md5 必须由同一份原始密钥字节计算得出（通常都用 Base64 编码）；读取对象时要使用上传时的那个密钥。',
  },
  InvalidEncryptionKmsMkid: {
    description: '用于服务端加密的 KMS 主密钥 ID 不存在、已禁用，或因其他原因不可用。',
    advice: '确认 x-bce-server-side-encryption-bos-kms-key-id 指向本账号下一个存在且已启用的 KMS 密钥，该密钥通常需要与存储桶位于同一地域。',
  },
  InvalidTargetType: {
    description: '软链接指向了另一个软链接；BOS 不支持链式软链接。',
    advice: '用最终的目标对象键再次调用 PutSymlink，让软链接直接指向真实的对象。',
  },
  InvalidRequest: {
    description: '来自 STS 的通用认证失败；记录到的 message 表明签名时间戳已经过期。',
    advice:
      '通常是调用 STS GetSessionToken 的服务器上，长期运行的客户端复用了过时的签名时间，或者时钟有偏差。请为每个 STS 请求重新签名，并校准该服务器的时钟；这需要在令牌服务端修复，而不是在页面中。',
  },
  Http400: {
    description: '未公开文档的错误码，SDK 会将其视为可重试的临时性 400 错误。',
    advice: '像 SDK 一样短暂退避后重试。如果一直失败，请检查 Content-Length 是否与请求体一致，并向技术支持提供 x-bce-request-id 和 x-bce-debug-id。',
  },
}

/**
 * The meaning of a BOS error code and what to do, in `locale`; English when that locale has no text for
 * it. Codes are matched like lookupErrorCode (exact, then case-insensitive); undefined for codes outside
 * the table (the core's unknown-code finding covers those).
 */
export function describeErrorCode(code: string, locale: Locale): ErrorCodeText | undefined {
  const entry = lookupErrorCode(code)
  if (!entry) return undefined
  const zh = locale === 'zh_CN' ? ERROR_CODES_ZH[entry.code] : undefined
  return zh ?? { description: entry.description, advice: entry.advice }
}

/** The S3-compatible endpoint's codes (s3-error-codes.ts) in Chinese; test/core/error-codes-zh.test.ts checks the coverage. */
export const ERROR_CODES_S3_ZH: Readonly<Record<string, ErrorCodeText>> = {
  AccessDenied: {
    description: '该接口拒绝了此调用方的这项操作。通过 S3 接口时，过期的预签名 URL 也以此回答（消息为 "Request has expired"）。',
    advice:
      '检查该访问密钥的存储桶 ACL 或 IAM 策略；使用 STS 凭证时检查令牌及其权限。如果消息说请求已过期，请在更接近使用时重新签名 URL，或使用更长的 X-Amz-Expires（最多 7 天）。',
  },
  SignatureDoesNotMatch: {
    description: '服务器根据收到的请求计算出的 SigV4 签名与发送的签名不同。',
    advice:
      '把下方的规范请求和待签名字符串与 SDK 的签名日志比对。常见原因：SK 错误、凭证范围使用了其他区域（客户端区域应与接口一致，如 "bj"）、签名后请求头被修改，或对象键、查询参数的编码不同。',
  },
  RequestTimeTooSkewed: {
    description: '签名时间（x-amz-date）与服务器时钟相差过大（S3 允许 15 分钟）。',
    advice: '校正签名方的时钟（浏览器所在设备，或签发签名的服务器）。AWS SDK v3 在能读到响应的 Date 头时（需通过 CORS 暴露）会校正偏差并重试一次。',
  },
  InvalidAccessKeyId: {
    description: '凭证中的访问密钥 ID 不是该接口认识的。',
    advice: '使用百度智能云的访问密钥（AWS 的密钥在这里无效），并确认 STS 密钥随其安全令牌一起发送。',
  },
  AuthorizationHeaderMalformed: {
    description: 'Authorization 请求头无法按 SigV4 解析，或其中的区域、服务不被该接口接受。',
    advice: '使用 SigV4，为服务 "s3" 和接口所在区域签名（例如 s3.bj.bcebos.com 用区域 "bj"），不要用 "us-east-1" 或 "auto"。',
  },
  AuthorizationQueryParametersError: {
    description: '预签名 URL 的 X-Amz-* 参数（凭证、日期或有效期）无法解析。',
    advice: '用 SDK 生成预签名 URL，而不是手工拼接；X-Amz-Expires 必须在 1 到 604800 秒之间，签名后不要再对 URL 重新编码。',
  },
  InvalidRequest: {
    description: '请求因消息中说明的原因无效：常见的是使用了 AWS4-HMAC-SHA256 以外的认证方式，或服务器不期望的校验和。',
    advice: "阅读消息。SigV2 请设置 signatureVersion: 'v4'（aws-sdk v2）；校验和问题请以 requestChecksumCalculation: 'WHEN_REQUIRED' 创建客户端。",
  },
  XAmzContentSHA256Mismatch: {
    description: '到达的请求体与签名中的 x-amz-content-sha256 不符。',
    advice: '签名后不要修改请求体（代理、Service Worker 或重新编码都可能修改）；流式发送的请求体请使用 UNSIGNED-PAYLOAD。',
  },
  BadDigest: {
    description: '发送的 Content-MD5 或校验和请求头与服务器收到的请求体不符。',
    advice:
      "对实际发送的字节计算摘要。AWS SDK v3 生成的预签名 PUT 带有空请求体的 CRC32（x-amz-checksum-crc32=AAAAAA==）：请以 requestChecksumCalculation: 'WHEN_REQUIRED' 生成预签名 URL。",
  },
  InvalidDigest: {
    description: 'Content-MD5 请求头不是 16 字节 MD5 的 base64 编码。',
    advice: '发送原始摘要字节的 base64，而不是十六进制字符串。',
  },
  NoSuchKey: {
    description: '存储桶中没有这个键的对象。',
    advice: '检查对象键（大小写、开头的 "/"、URL 编码），并确认上传已完成。',
  },
  NoSuchBucket: {
    description: '该区域中不存在这个名称的存储桶。',
    advice: '检查存储桶名称，并使用其所在区域的接口（s3.{region}.bcebos.com）。',
  },
  NoSuchUpload: {
    description: '该上传 ID 不是进行中的分块上传：输错了，或已完成或已中止。',
    advice: '使用 CreateMultipartUpload 返回的 UploadId；上传完成或中止后不要再发送分块。',
  },
  InvalidPart: {
    description: 'CompleteMultipartUpload 列表中的某个分块未上传，或其 ETag 与已上传的不同。',
    advice: '每个分块都列出其 UploadPart 响应返回的 ETag。在浏览器中，只有存储桶的 CORS 暴露了 ETag 才能读到该响应头，否则列表中会是 "undefined"。',
  },
  InvalidPartOrder: {
    description: 'CompleteMultipartUpload 列表没有按分块号升序排列。',
    advice: '完成上传前按分块号排序。',
  },
  EntityTooSmall: {
    description: '最后一个以外的某个分块小于最小分块大小。',
    advice: '除最后一个分块外，每个分块都不小于最小大小（lib-storage 等 S3 客户端使用 5 MiB）。',
  },
  EntityTooLarge: {
    description: '请求体超过了单个请求允许的大小。',
    advice: '大文件请分块上传（分块上传，例如 @aws-sdk/lib-storage）。',
  },
  MissingContentLength: {
    description: '请求有请求体但没有 Content-Length。',
    advice: '整体发送请求体（Uint8Array，或在校验和设为 WHEN_REQUIRED 时使用 Blob），不要以流的方式发送。',
  },
  PreconditionFailed: {
    description: 'If-Match、If-None-Match 或 x-amz-copy-source-if-* 条件不成立。',
    advice: '用对象当前的 ETag 或日期核对条件。',
  },
  InvalidRange: {
    description: '请求的 Range 起点超出了对象末尾。',
    advice: '请求对象大小以内的范围（可先 HEAD 获取大小）。',
  },
  MalformedXML: {
    description: 'XML 请求体（分块列表、删除列表或配置）无法解析。',
    advice: '让 SDK 生成请求体；手工生成时需要 S3 的元素名，每个分块都要有 PartNumber 和 ETag。',
  },
  MethodNotAllowed: {
    description: '该资源不允许使用这个方法。',
    advice: '核对方法与操作是否对应，以及该操作是否为 S3 兼容接口所支持。',
  },
  NotImplemented: {
    description: '请求使用了该接口未实现的请求头或功能。',
    advice:
      "去掉消息中指出的请求头或选项。使用 AWS SDK v3（3.729.0 及以后）时，默认的校验和请求头是常见原因：请以 requestChecksumCalculation: 'WHEN_REQUIRED' 创建客户端。",
  },
  SlowDown: {
    description: '该接口正在限流。',
    advice: '退避后重试，并减少并发请求。',
  },
  InternalError: {
    description: '服务器处理请求时出错。',
    advice: '重试；如果持续出现，请带上请求 ID 和 x-amz-id-2 提交工单。',
  },
  ExpiredToken: {
    description: 'STS 安全令牌（x-amz-security-token）已过期。',
    advice: '在临时凭证过期前获取新的凭证，并用新令牌签名。',
  },
  InvalidToken: {
    description: '安全令牌无效，或不属于该访问密钥。',
    advice: '原样发送与这组临时凭证一起下发的令牌。',
  },
  TokenRefreshRequired: {
    description: '安全令牌需要刷新。',
    advice: '获取新的临时凭证并用它签名。',
  },
  MissingSecurityHeader: {
    description: '请求缺少必需的请求头（使用临时凭证时，通常是安全令牌）。',
    advice: '使用 STS 凭证时发送 x-amz-security-token（预签名 URL 中为 X-Amz-Security-Token）并让它参与签名。',
  },
  RequestTimeout: {
    description: '请求体在完整到达前中断了。',
    advice: '重试；网络慢时使用更小的分块上传。',
  },
  IncompleteBody: {
    description: '到达的字节数少于 Content-Length 声明的数量。',
    advice: '不要手工设置 Content-Length，并重试被中断的上传。',
  },
  AccessForbidden: {
    description: '预检请求的来源、方法或请求的头不被存储桶的 CORS 规则允许。',
    advice: '把页面的来源、方法以及 SDK 发送的每个请求头（x-amz-*、amz-sdk-*、content-type）加入存储桶的 CORS 规则，并暴露 ETag。',
  },
}

/** describeErrorCode for a code the S3-compatible endpoint answered (its own table first, then BOS's). */
export function describeS3ErrorCode(code: string, locale: Locale): ErrorCodeText | undefined {
  const entry = lookupS3ErrorCode(code)
  if (!entry) return describeErrorCode(code, locale)
  const zh = locale === 'zh_CN' ? ERROR_CODES_S3_ZH[entry.code] : undefined
  return zh ?? { description: entry.description, advice: entry.advice }
}

/**
 * An error's description and advice in `locale`, from whichever table (BOS's or the S3 endpoint's) wrote
 * its English; undefined when neither did (an older core's words, an unknown code).
 */
export function describeError(e: { code: string; description: string; advice: string }, locale: Locale): ErrorCodeText | undefined {
  for (const describe of [describeErrorCode, describeS3ErrorCode]) {
    const english = describe(e.code, 'en')
    if (english && english.description === e.description && english.advice === e.advice) return describe(e.code, locale)
  }
  return undefined
}
