// 简体中文诊断报告文案：核心模块给出的诊断标题和说明、组成它们的句子、响应体说明、签名串和 Policy 的问题，
// 以及命令行报告的文字。键与占位符必须与 report-en.ts 完全一致（由类型和 test/i18n/catalogs.test.ts 检查）。
// 用语见 zh_CN.ts 开头的说明。错误码、请求头名、API 名称（PutObject 等）保持英文原样。
import type { ReportKey } from './report-en.ts'

export const reportZh_CN: Record<ReportKey, string> = {
  'error.unknown.description': '不是 BOS 文档中列出的错误码。',
  'error.unknown.advice': '请阅读服务器返回的 message；提交工单时请附上请求 ID 和 x-bce-debug-id。',

  'finding.unknown-code.title': '错误码 {code} 不在 BOS 错误码表中',
  'finding.unknown-code.detail':
    'BOS（或其前面的某个服务）返回了 {status} 和错误码 "{code}"，BOS 错误码文档中没有这个错误码。请阅读返回的 message；如需联系技术支持，请附上请求 ID 和 debug id。',
  'finding.status-mismatch.title': '{code} 的 HTTP 状态码为 {status}，文档中为 {documented}',
  'finding.status-mismatch.detail':
    'BOS 文档中 {code} 对应的状态码是 {documented}，但此响应为 {status}。可能是代理或网关改写了状态码，或者响应并非直接来自 BOS；请以错误码为准，而不是状态码。',

  'finding.no-error-body.title': '没有可解析的错误响应体',
  'finding.no-error-body.detail': '只能根据状态码 {status} 进行诊断。',
  'finding.no-error-body.guess404': '这里的 404 通常是 NoSuchKey（对存储桶的请求则是 NoSuchBucket）。',
  'finding.no-error-body.guess403': '403 通常是 AccessDenied、SignatureDoesNotMatch 或 RequestExpired；改用 GET 重放一次即可看到错误码。',
  'finding.error-body-not-bos.title.html': '错误页面来自 BOS 前面的某个服务',
  'finding.error-body-not-bos.title': '错误响应体不是 BOS 错误文档',
  'finding.error-body-not-bos.detail': '无法将响应体解析为 BOS 错误。',
  'finding.error-body-truncated.title': '错误响应体不完整',
  'finding.error-body-truncated.detail': '错误响应体被截断了。',
  'finding.error-in-success-body.title': 'HTTP {status}，但 {operation} 失败了：{code}',
  'finding.error-in-success-body.detail':
    '{operation} 可能返回 {status}，却在响应体中报告失败，这里就是这样。官方 SDK 把它当作错误处理（BOS SDK 直接抛出；AWS SDK v3 将其视为 5xx 并重试），所以对象并没有按要求写入。只检查状态码的代码会把它当成成功：请同时读取响应体。',
  'body.note.head': 'HEAD 响应没有响应体，只有状态码和响应头。',
  'body.note.notKept': '响应有 {size} 字节，但 HAR 中没有保留（开发者工具会丢弃已淘汰的响应体，或者导出时未包含内容）。',
  'body.note.noResponse': '没有收到响应（被 CORS 拦截、被取消或网络错误）。',
  'body.note.empty': '响应体为空。',
  'body.note.badBase64': 'HAR 标记响应体为 Base64 编码，但它不是有效的 Base64。',
  'body.note.binarySize': '响应体是二进制数据（{size} 字节），不是错误文档。',
  'body.note.binary': '响应体是二进制数据，不是错误文档。',
  'body.note.jsonNoCode': 'JSON 中没有 "code" 字段：不是 BOS 错误文档。',
  'body.note.jsonNotObject': '是 JSON，但不是对象：不是 BOS 错误文档。',
  'body.note.jsonCutWithCode': 'JSON 响应体被截断或格式有误；错误码和 message 是从现有内容中读取的。',
  'body.note.jsonCutNoCode': '响应体看起来是 JSON 但无法解析（被截断或格式有误），也读不出错误码。',
  'body.note.xmlNoCode': 'XML 中没有 <Error><Code>：不是错误文档。',
  'body.note.htmlTitled': '这是一个 HTML 页面（"{title}"），不是 BOS 错误：它来自浏览器与 BOS 之间的代理、网关、CDN 或网络认证页面。',
  'body.note.html': '这是一个 HTML 页面，不是 BOS 错误：它来自浏览器与 BOS 之间的代理、网关、CDN 或网络认证页面。',
  'body.note.text': '纯文本，不是 BOS 错误文档。',

  'duration.seconds.one': '{count} 秒',
  'duration.seconds.other': '{count} 秒',
  'duration.minutes': '{count} 分钟',
  'duration.hours': '{count} 小时',
  'duration.hoursMinutes': '{hours} 小时 {minutes} 分钟',
  'duration.days': '{count} 天',
  'skew.inStep': '与服务器时间一致',
  'skew.behind': '比服务器慢 {duration}',
  'skew.ahead': '比服务器快 {duration}',

  'finding.request-expired.title.client-clock': '请求已过期：本机时钟{skew}',
  'finding.request-time-too-skewed.title.client-clock': '请求时间偏差过大：本机时钟{skew}',
  'finding.request-time-too-skewed.title.signer-clock': '请求时间偏差过大：签名方的时钟不准，或签名已过时',
  'finding.request-time-too-skewed.title': '请求时间偏差过大：签名时间与服务器时钟相差太远',
  'finding.request-time-too-skewed.detail.client-clock':
    '请求是在发送前刚刚签名的，但本机时钟{skew}，所以签名时间超出了服务器在其自身时钟前后允许的范围。请校准系统时钟（开启自动网络对时），或让签名程序使用服务器返回的 Date。',
  'finding.request-expired.title.stale-signature': '请求已过期：签名生成得太早',
  'finding.request-expired.title.signer-clock': '请求已过期：签名方的时钟不准，或签名已过时',
  'finding.request-expired.title.sts-token': '请求已过期：STS 临时凭证已失效',
  'finding.request-expired.title.unknown': '请求已过期',
  'finding.request-expired.measuredSkew': '实测时钟偏差：本机时钟{skew}。',
  'expiry.validity.unknown': '未知',
  'expiry.validity.none': '永不过期',
  'expiry.validity.seconds': '{seconds} 秒',
  'expiry.when.before': '比请求发出早 {duration}（按本机时钟）',
  'expiry.when.after': '比请求发出晚 {duration}（按本机时钟）',
  'expiry.client-clock.signedJustNow':
    '请求是在发送前刚刚签名的，但本机时钟{skew}，所以服务器收到时签名已超出有效期（{validity}）。请校准系统时钟（开启自动网络对时），或让签名程序使用服务器返回的 Date。',
  'expiry.stale-signature':
    '该 URL 的签名时间{when}，使用时已超出有效期（{validity}）：这是从页面、缓存或数据库中复用的预签名 URL。请在使用前即时生成新的 URL，或签名时设置更长的有效期。',
  'expiry.stale-signature.clockAlso': '另外，本机时钟{skew}。',
  'expiry.signer-clock.onTime':
    '签名中的时间戳{when}，而请求本身是按时发出的。签名来自别处：签名服务器的时钟不准，或者签名被缓存后复用。请检查为浏览器签名的服务器的时钟，并在每个请求发送前即时签名。',
  'expiry.signer-clock.skewed':
    '签名中的时间戳{when}，而本机时钟{skew}。签名来自别处：签名服务器的时钟不准，或者签名被缓存后复用。请检查为浏览器签名的服务器的时钟，并在每个请求发送前即时签名。',
  'expiry.sts-token': '服务器认为 STS 临时凭证已过期。请在凭证失效前重新申请会话令牌（durationSeconds 要足够覆盖整个上传过程），且不要在过期后继续缓存使用。',
  'expiry.client-clock': '本机时钟{skew}；用它生成的签名在 BOS 看来已经过期。请校准系统时钟。',
  'expiry.unknown.noFacts': '签名时间和服务器 Date 都无法读取，无法进一步确定原因；请检查客户端时钟以及签名生成了多久。',
  'expiry.unknown.clocksAgree': '时钟一致，且签名是在发送前刚刚生成的；请检查签名程序设置的有效期（{validity}）。',
  'expiry.unknown.noServerDate': '就目前所见时钟一致（没有服务器 Date），且签名是在发送前刚刚生成的；请检查签名程序设置的有效期（{validity}）。',

  'finding.presigned-expired.title': '预签名 URL 在过期后被使用',
  'finding.presigned-expired.detail.server':
    '该 URL 的签名时间为 {signedAt}，有效期 {seconds} 秒，因此在 {expiredAt} 过期；它在过期 {duration}后才被使用（按服务器时钟）。请在使用前即时生成新的 URL。',
  'finding.presigned-expired.detail.browser':
    '该 URL 的签名时间为 {signedAt}，有效期 {seconds} 秒，因此在 {expiredAt} 过期；它在过期 {duration}后才被使用（按浏览器时钟）。请在使用前即时生成新的 URL。',
  'finding.clock-skew.title': '时钟偏差：本机时钟{skew}',
  'finding.clock-skew.detail.s3':
    '服务器的 Date 为 {serverDate}，按本机时钟不在此请求的收发时间范围内。用有偏差的时钟生成的签名会显得过旧或来自未来；一旦偏差超出服务器允许的范围（AWS S3 为 15 分钟；BOS 未公开其数值），S3 服务器就会以 RequestTimeTooSkewed 拒绝 SigV4 请求。AWS SDK v3 在能读到服务器时间时会自动校正偏差（请通过 CORS 暴露 Date）。',
  'finding.clock-skew.detail':
    '服务器的 Date 为 {serverDate}，按本机时钟不在此请求的收发时间范围内。用有偏差的时钟生成的签名会提前过期，或看起来来自未来；一旦偏差超过签名有效期（默认 1800 秒），BOS 就会返回 RequestExpired。',

  'finding.authorization-malformed.title.header': 'Authorization 请求头格式错误',
  'finding.authorization-malformed.title.query': 'authorization 查询参数格式错误',
  'finding.authorization-malformed.title.s3header': 'Authorization 请求头无法用于 S3 兼容接口',
  'finding.authorization-malformed.title.s3query': '预签名 URL 的签名无法用于 S3 兼容接口',
  'finding.authorization-malformed.detail.s3header': 'Authorization 请求头无法按该接口所用的 AWS Signature V4 解析：{problem}。',
  'finding.authorization-malformed.detail.s3query': '预签名 URL 的签名参数无法按该接口所用的 AWS Signature V4 解析：{problem}。',
  'finding.authorization-malformed.detail.header':
    'Authorization 请求头无法按 bce-auth-v1 解析：{problem}。BOS 对此类请求返回 400 InvalidHTTPAuthHeader 或 403 AccessDenied。',
  'finding.authorization-malformed.detail.query':
    'authorization 查询参数无法按 bce-auth-v1 解析：{problem}。BOS 对此类请求返回 400 InvalidHTTPAuthHeader 或 403 AccessDenied。',
  'auth.problem.v2': '这是 bce-auth-v2 认证字符串，而 BOS 请求使用 bce-auth-v1 签名',
  'auth.problem.s3': '这是 S3（AWS）签名，不是 bce-auth-v1；只有 {endpoint} 接口接受这种签名',
  'auth.problem.prefix': '没有以 "bce-auth-v1/" 开头',
  'auth.problem.fieldCount': '用 "/" 分隔后有 {count} 段，而 {format} 应为 6 段',
  'auth.problem.emptyAk': 'AK（access key id）字段为空',
  'auth.problem.timestamp': '时间戳 "{timestamp}" 不是不带毫秒的 UTC ISO 8601 格式（例如 2026-11-26T08:23:49Z）',
  'auth.problem.expirationNotNumber': '有效期 "{expiration}" 不是整数秒',
  'auth.problem.expirationTooLarge': '有效期 "{expiration}" 太大，不是合理的秒数',
  'auth.problem.expirationNotAllowed': '有效期 {expiration} 不合法：请使用正整数秒，或用 -1 表示永不过期',
  'auth.problem.signedHeaders': '签名请求头 "{signedHeaders}" 必须是用 ";" 连接的小写名称',
  'auth.problem.signatureCase': '签名必须是小写十六进制',
  'auth.problem.signatureLength': '签名有 {length} 个字符，而它应是 64 位十六进制数（HMAC-SHA256）',
  'sigv4.problem.v2':
    '这是 AWS Signature V2 字符串（"AWS AccessKeyId:Signature"）；BOS 的 S3 兼容接口只说明支持 Signature V4（在 aws-sdk v2 中设置 signatureVersion: \'v4\'）',
  'sigv4.problem.v2Query':
    "这个预签名 URL 使用 AWS Signature V2 签名（AWSAccessKeyId、Expires、Signature）；BOS 只说明支持 Signature V4：aws-sdk v2 对自定义 endpoint 的预签名 URL 默认使用 V2，除非设置 signatureVersion: 'v4'",
  'sigv4.problem.prefix': '没有以 "{algorithm} " 开头',
  'sigv4.problem.structure': '格式不是 {format}',
  'sigv4.problem.missing': '缺少 {fields}',
  'sigv4.problem.credential': '凭证 "{credential}" 的格式不是 {format}',
  'sigv4.problem.scopeDate': '凭证范围中的日期 "{date}" 不是 YYYYMMDD 格式',
  'sigv4.problem.emptyRegion': '凭证范围中没有区域',
  'sigv4.problem.service': '凭证范围中的服务是 "{service}"；S3 请求应为 "s3" 签名',
  'sigv4.problem.signedHeaders': '签名头 "{signedHeaders}" 必须是以 ";" 连接的小写名称',
  'sigv4.problem.signedHeadersOrder': '签名头 "{signedHeaders}" 没有按 SigV4 的要求排序',
  'sigv4.problem.noDateHeader': '请求没有 SigV4 所签名的 x-amz-date 头（浏览器不能发送 Date）',
  'sigv4.problem.noDateQuery': '缺少 X-Amz-Date 参数',
  'sigv4.problem.date': '签名时间 "{date}" 不是 ISO 8601 基本格式的 UTC 时间（如 20261204T225328Z）',
  'sigv4.problem.scopeDateDiffers': '凭证范围中的日期 {scopeDate} 与签名时间 {date} 的日期不同；二者必须是同一天',
  'sigv4.problem.noExpires': '缺少 X-Amz-Expires 参数',
  'sigv4.problem.expires': 'X-Amz-Expires "{expires}" 不是 1 到 {max}（7 天）之间的整数秒',
  'sigv4.problem.algorithm': 'X-Amz-Algorithm 是 "{algorithm}"；SigV4 预签名 URL 使用 AWS4-HMAC-SHA256',

  'finding.signature-mismatch.title.noAuth': '签名被拒绝，且没有捕获到 Authorization',
  'finding.signature-mismatch.detail.noAuth':
    'BOS 拒绝了签名，但 HAR 中没有 Authorization 请求头或 authorization 查询参数（除非开启“允许生成包含敏感数据的 HAR”，Chrome 导出 HAR 时会移除它）。请在打开 BOS 面板的情况下重新捕获，以查看规范请求。',
  'finding.signature-mismatch.title.traps.one': '签名不匹配：发现 {count} 个可能原因',
  'finding.signature-mismatch.title.traps.other': '签名不匹配：发现 {count} 个可能原因',
  'finding.signature-mismatch.title': '签名不匹配：请检查 SK 和规范请求',
  'finding.signature-mismatch.detail':
    '下方是 BOS 根据浏览器实际发出的请求重建的规范请求（签名请求头：{signedHeaders}）；请与签名程序的日志逐行比对。如果两者完全一致，则是 SK 错误（或该 SK 属于另一个 AK，而不是 {ak}）。',
  'finding.signature-mismatch.detail.sigv4':
    '下方是根据浏览器实际发出的请求重建的 SigV4 规范请求和待签名字符串（签名请求头：{signedHeaders}；凭证范围 {scope}）；请与 SDK 的签名日志逐行比对（待签名字符串的最后一行是规范请求的 SHA-256）。如果两者完全一致，则是 SK 错误（或该 SK 属于另一个 AK，而不是 {ak}）。',
  'finding.credential-region-mismatch.title': '签名区域为 "{region}"，但接口区域是 "{expected}"',
  'finding.credential-region-mismatch.detail':
    'SigV4 凭证范围中的区域是 "{region}"，而 {endpoint} 是 "{expected}" 区域的接口。服务器按自己的区域推导签名密钥，所以无论其他部分是否正确，这个签名都不可能匹配。请把客户端的区域设为 "{expected}"（例如 {example}）；保留 us-east-1 的 SDK 或 PicList 的 "auto" 都会用错误的区域签名。',
  'finding.sdk-default-checksums.title': '失败的请求带有 AWS SDK v3 默认校验和',
  'finding.sdk-default-checksums.detail':
    '该请求带有 @aws-sdk/client-s3 自 v3.729.0 起默认添加的完整性校验和（{names}）。BOS 的 S3 兼容接口文档没有列出这些请求头，它们可能是失败的原因。要排除它们，请只发送必需的校验和：{setting}。',
  'finding.sdk-default-checksums.detail.trailer':
    '该请求带有 @aws-sdk/client-s3 自 v3.729.0 起默认添加的完整性校验和（{names}），请求体以 aws-chunked 方式发送，校验和放在 trailer 中。BOS 的 S3 兼容接口对 SigV4 只列出单块和签名分块两种负载方式，不包括 trailer 方式，也没有列出这些请求头。请整体发送请求体，并只发送必需的校验和：{setting}。',
  'finding.network-error.title.dns': '无响应：域名无法解析（{error}）',
  'finding.network-error.title.tls': '无响应：TLS 连接失败（{error}）',
  'finding.network-error.title.connection': '无响应：连接失败（{error}）',
  'finding.network-error.title.blocked-by-client': '在发送前被浏览器拦截（{error}）',
  'finding.network-error.title.aborted': '在收到响应前被取消（{error}）',
  'finding.network-error.title.mixed-content': '被页面的安全规则拦截（{error}）',
  'finding.network-error.title.unrecognized': '无响应：网络错误（{error}）',
  'finding.network-error.detail.dns':
    '浏览器记录了 {error}：无法解析 {host}，请求没有到达 BOS。请检查 endpoint 是否拼错（区域如 bj、gz，S3 兼容接口需要 s3. 前缀），以及当前网络的 DNS 是否正常（VPN 或公司内部的解析器可能无法解析）。',
  'finding.network-error.detail.tls':
    '浏览器记录了 {error}：与 {host} 的 TLS 握手失败，请求没有到达 BOS。常见原因是拦截 HTTPS 的代理或杀毒软件、严重偏差的时钟（证书按它校验），或证书不匹配的自定义域名；带点号的存储桶名会使 virtual-host 形式的 URL 与 *.bcebos.com 证书不匹配（请使用 path-style 或带自有证书的自定义域名）。',
  'finding.network-error.detail.connection':
    '浏览器记录了 {error}：到 {host} 的连接被拒绝、重置或超时，没有收到响应。常见原因是代理、防火墙或不稳定的网络；较长的上传可能被代理的时间限制切断（请分块上传）。这不是 CORS 拒绝。',
  'finding.network-error.detail.blocked-by-client':
    '浏览器记录了 {error}：某个扩展（广告或隐私拦截器）在发送前拦下了发往 {host} 的请求。请在拦截器中放行该域名，或在没有扩展的浏览器配置中重试。',
  'finding.network-error.detail.aborted':
    '浏览器记录了 {error}：页面（或浏览器在页面跳转时）在收到响应前取消了发往 {host} 的请求。请检查代码中的 abort()、超时设置或上传过程中的页面刷新；BOS 并没有拒绝它。',
  'finding.network-error.detail.mixed-content':
    '浏览器记录了 {error}：页面自身的规则拦截了发往 {host} 的请求（https: 页面中的 http: URL，或未包含该主机的 Content-Security-Policy connect-src）。请使用 https:，或把该主机加入 connect-src。部分区域（fwh、hkg）的 S3 兼容接口在文档中只支持 HTTP。',
  'finding.network-error.detail.unrecognized':
    '浏览器为发往 {host} 的请求记录了 {error}，且没有响应。该错误字符串说明了原因；它不是本工具已知属于 CORS 的错误。',
  'note.capture-without-authorization.one':
    '有 1 个 BOS 请求带有签名时间或安全令牌，却没有 Authorization 请求头：这个 HAR 是在不含敏感数据的情况下导出的（除非在开发者工具“设置 > 偏好设置 > 网络”中打开“允许生成包含敏感数据的 HAR”，Chrome 会去掉 Authorization 和 Cookie）。签名、过期和密钥检查的诊断都需要它：请打开该设置后重新导出，再分享用 {command} 生成的副本，它会去掉其中的机密信息。',
  'note.capture-without-authorization.other':
    '有 {count} 个 BOS 请求带有签名时间或安全令牌，却没有 Authorization 请求头：这个 HAR 是在不含敏感数据的情况下导出的（除非在开发者工具“设置 > 偏好设置 > 网络”中打开“允许生成包含敏感数据的 HAR”，Chrome 会去掉 Authorization 和 Cookie）。签名、过期和密钥检查的诊断都需要它：请打开该设置后重新导出，再分享用 {command} 生成的副本，它会去掉其中的机密信息。',
  'finding.signature-mismatch.defaultSet': '服务端默认集合',
  'trap.content-type-charset.detail':
    '实际发送的 Content-Type 为 "{contentType}"。浏览器（尤其是 Firefox）会在你的代码签名之后，给文本请求体的类型加上 "; charset=UTF-8"；请在签名前显式设置完整的 Content-Type，或不让 content-type 参与签名。',
  'trap.signed-not-sent.detail': '"{name}" 在签名请求头中，但请求并未携带它；BOS 只会对实际收到的请求头计算签名，所以签名程序的规范请求比 BOS 的多了一行。',
  'trap.signed-not-sent.detail.contentLength':
    '"{name}" 在签名请求头中，但请求并未携带它（浏览器在没有请求体的 GET/HEAD 请求中不发送 Content-Length）；BOS 只会对实际收到的请求头计算签名，所以签名程序的规范请求比 BOS 的多了一行。',
  'trap.browser-controlled.detail': '"{name}" 参与了签名，但页面代码无法设置它：浏览器会写入自己的值，不一定与签名程序使用的值相同。',
  'trap.host-port.detail':
    '发送的 Host 请求头（"{host}"）与 URL（"{urlHost}"）的端口不同：页面与 BOS 之间有程序改写了它，而 BOS 按收到的 Host 计算签名。请对完全相同的 host:port 签名。',
  'trap.uri-encoding.detail.reserved':
    '对象键中包含 {chars}：BOS 在规范 URI 中会对这些字符进行百分号编码，而 encodeURIComponent 不会；基于它实现的签名程序签出的路径就不同。',
  'trap.uri-encoding.detail':
    '路径中有必须进行百分号编码的字符（或使用了小写的转义序列）：规范 URI 对 A-Z a-z 0-9 - . _ ~ 以外的每个字节都使用大写的 %XX；请与签名程序的结果比对。',
  'trap.query-encoding.detail': '查询字符串中含有 "+"：BOS 会把它当作字面量加号（%2B），而不是空格；把空格编码成 "+" 的签名程序签出的查询字符串就不同。',
  'trap.query-encoding.detail.reserved':
    '查询字符串中的 {chars} 未经编码就发送了：BOS 在规范查询字符串中会对它们进行百分号编码，按 URL 中原样签名的程序签的是另一个查询字符串。',
  'trap.query-encoding.space': '空格',
  'trap.v1-prefix.detail': '路径以旧版的 /v1 前缀开头，它属于参与签名的 URI：签名程序必须使用与请求相同的前缀（SDK 选项 removeVersionPrefix）。',
  'trap.security-token-unsigned.detail': '发送了 {name} 但它没有参与签名；使用 STS 临时凭证时，BOS 要求它在签名请求头之中。',

  'finding.anonymous-request.title': '请求未签名',
  'finding.anonymous-request.detail':
    '既没有 Authorization 请求头，也没有 authorization 查询参数：BOS 将其视为匿名请求，只有公共读（或公共读写）的存储桶才允许。请为请求签名（使用 SDK 或预签名 URL），或修改存储桶的 ACL。（除非开启“允许生成包含敏感数据的 HAR”，Chrome 导出 HAR 时会移除 Authorization。）',
  'finding.bad-digest.title': 'BOS 对收到的请求体算出的校验值不同',
  'finding.bad-digest.detail':
    '请求声明了 {digests}，但 BOS 收到的字节算出来的值与之不同。校验值是基于与实际发送内容不同的字节计算的（例如字符串与其 UTF-8 字节、整个文件与其中一个分块，或计算后请求体又被修改）。',
  'finding.bad-digest.detail.none': '没有捕获到此请求的任何校验值请求头；HAR 可能丢失了它们。',

  'finding.content-md5-malformed.title.request': '请求中的 Content-MD5 格式错误',
  'finding.content-md5-malformed.title.response': '响应中的 Content-MD5 格式错误',
  'finding.content-md5-malformed.detail.request':
    '请求的 Content-MD5 "{value}" {why}。Content-MD5 应是二进制 MD5 摘要的 Base64 编码（RFC 1864）；格式错误时 BOS 返回 400 BadDigest 或 InvalidArgument。',
  'finding.content-md5-malformed.detail.response':
    '响应的 Content-MD5 "{value}" {why}。Content-MD5 应是二进制 MD5 摘要的 Base64 编码（RFC 1864）；格式错误时 BOS 返回 400 BadDigest 或 InvalidArgument。',
  'finding.content-md5-malformed.why.hex-not-base64': '是 32 位十六进制字符串，而不是 Base64',
  'finding.content-md5-malformed.why.wrong-length': '解码后为 {bytes} 字节，而 MD5 摘要应为 16 字节',
  'finding.content-md5-malformed.why.not-base64': '不是有效的 Base64',
  'finding.content-md5-malformed.hexHint': '它看起来是十六进制；请改为发送 16 字节原始摘要的 Base64 编码，此处应为 "{base64}"。',
  'finding.md5-mismatch.title.request': '发送的 Content-MD5 与返回的 ETag 不一致',
  'finding.md5-mismatch.detail.request':
    '请求声明请求体的 MD5 为 {md5}（Content-MD5 "{contentMd5}"），但 BOS 存储的对象 ETag 为 {etag}。到达 BOS 的字节并不是计算摘要时的那些字节：代理或浏览器扩展改写了请求体，或者摘要是基于其他数据计算的（例如编码前的字符串，或整个文件而非某个分块）。',
  'finding.md5-mismatch.title.response': '响应的 Content-MD5 与其 ETag 不一致',
  'finding.md5-mismatch.detail.response':
    '响应携带的 Content-MD5 为 {md5}，ETag 却为 {etag}。对于一次性上传的对象，两者应对应同一个摘要；不一致说明代理、CDN 或图片处理环节在传输途中改动了对象，或者存储的元数据不一致。',
  'finding.content-sha256-malformed.title': 'x-bce-content-sha256 格式错误',
  'finding.content-sha256-malformed.detail':
    'x-bce-content-sha256 "{value}" 不是 64 位十六进制数。BOS 要求它是请求体 SHA-256 的十六进制形式，格式错误时返回 400 BadDigest。',
  'finding.content-sha256-malformed.base64Hint': '它看起来是 Base64；请发送十六进制形式，此处应为 "{hex}"。',
  'finding.content-crc32-malformed.title.request': '请求中的 x-bce-content-crc32 格式错误',
  'finding.content-crc32-malformed.title.response': '响应中的 x-bce-content-crc32 格式错误',
  'finding.content-crc32-malformed.detail':
    'x-bce-content-crc32 "{value}" 不是 32 位无符号十进制数。BOS 以十进制字符串表示 CRC32（IEEE），例如 "3238666094"，既不是十六进制，也不带符号。',

  'cors.ruleAdvice':
    '存储桶的 CORS 规则必须允许来源 {origin}（末尾不能带 "/"）和方法 {method}；可在 BOS 控制台（存储桶 → 跨域访问 CORS）或通过 PutBucketCors 设置。',
  'cors.ruleAdvice.headers':
    '存储桶的 CORS 规则必须允许来源 {origin}（末尾不能带 "/"）、方法 {method}，以及请求头 {headers}（或 "*"）；可在 BOS 控制台（存储桶 → 跨域访问 CORS）或通过 PutBucketCors 设置。',
  'cors.pageOrigin': '当前页面的来源',
  'cors.requestMethod': '该请求的方法',
  'finding.cors-preflight-failed.title.noResponse': '没有响应：很可能被 CORS 拦截',
  'finding.cors-preflight-failed.detail.noResponse':
    '该请求始终没有得到页面可读取的响应。发往 BOS 的已签名请求需要先通过 CORS 预检；如果它前面的 OPTIONS 请求失败了，说明存储桶没有匹配的 CORS 规则。{advice}（网络故障、请求被取消或被广告拦截插件拦截时也是同样的表现：请查看控制台。）',
  'finding.cors-preflight-failed.detail.noResponseFrom':
    '来自 {origin} 的请求始终没有得到页面可读取的响应。发往 BOS 的已签名请求需要先通过 CORS 预检；如果它前面的 OPTIONS 请求失败了，说明存储桶没有匹配的 CORS 规则。{advice}（网络故障、请求被取消或被广告拦截插件拦截时也是同样的表现：请查看控制台。）',
  'finding.cors-preflight-failed.title': 'CORS 预检请求被拒绝：浏览器不会发送实际请求',
  'finding.cors-preflight-failed.detail': '{why}页面只能看到 “CORS error” / 状态 0。{advice}',
  'finding.cors-preflight-failed.why.noResponse': '预检请求没有得到响应：存储桶没有匹配的 CORS 规则，而 BOS 不会说明是哪一项不匹配。',
  'finding.cors-preflight-failed.why.noHeaders':
    '预检请求返回了 {status}，但没有任何 Access-Control-* 响应头：存储桶没有匹配的 CORS 规则，而 BOS 不会说明是哪一项不匹配。',
  'finding.cors-preflight-failed.why.origin': '规则允许的来源是 {allowed}，而不是 {origin}。',
  'finding.cors-preflight-failed.why.method': '规则允许的方法是 {allowed}，而不是 {method}。',
  'finding.cors-preflight-failed.why.headers': '规则不允许请求头 {headers}。',
  'finding.cors-not-allowed.title': '页面无法读取此响应（没有 Access-Control-Allow-Origin）',
  'finding.cors-not-allowed.detail':
    'BOS 作出了响应，但没有针对 {origin} 的 CORS 响应头，所以页面 JavaScript 看到的是 CORS 错误，而不是状态码 {status}。{advice}',
  'finding.cors-etag-not-exposed.title': 'ETag 未暴露给页面 JavaScript',
  'finding.cors-etag-not-exposed.detail':
    '响应带有 ETag，但 Access-Control-Expose-Headers（{exposed}）中没有它，所以页面读到的是 null。这样分块上传在 CompleteMultipartUpload 中会发送 "eTag": undefined，并以 InvalidPart 失败。请在 CORS 规则的暴露的响应头（allowedExposeHeaders）中加入 ETag（以及 x-bce-request-id、x-bce-debug-id）。',
  'finding.cors-etag-not-exposed.detail.s3':
    '响应带有 ETag，但 Access-Control-Expose-Headers（{exposed}）中没有它，所以 SDK 读到的是 undefined。lib-storage 的 Upload 会因 "Part N is missing ETag in UploadPart response" 而中止；自己拼分块列表的代码则会在 CompleteMultipartUpload 中发送 <ETag>undefined</ETag>，并以 InvalidPart 失败。请在 CORS 规则的 ExposeHeader 中加入 ETag（以及 x-amz-request-id、x-amz-id-2）。',
  'finding.cors-etag-not-exposed.absent': '未设置',
  'finding.cors-ids-not-exposed.title': '{headers} 对页面 JavaScript 不可见',
  'finding.cors-ids-not-exposed.detail.one':
    '开发者工具能看到 {headers}，但除非 CORS 规则暴露它，页面的错误处理代码读取不到；请把两者都暴露出来，让你自己的错误报告也能带上它们。',
  'finding.cors-ids-not-exposed.detail.other':
    '开发者工具能看到 {headers}，但除非 CORS 规则暴露它们，页面的错误处理代码读取不到；请把两者都暴露出来，让你自己的错误报告也能带上它们。',
  'finding.cors-ids-not-exposed.and': '{first} 和 {second}',

  'finding.post-form-incomplete.title.notKept': 'HAR 中没有保留表单字段',
  'finding.post-form-incomplete.detail.notKept':
    '开发者工具没有保留此次表单上传的 multipart 请求体，因此无法检查 Policy。请在打开网络面板的情况下重试，或保存包含内容的 HAR。',
  'finding.post-form-incomplete.title': 'PostObject 表单不完整',
  'finding.post-form-incomplete.detail':
    '表单上传（PostObject）需要 key、accessKey、policy 和 signature 四个文本字段，且 file 必须是最后一个字段：{problems}。',
  'finding.post-form-incomplete.missing': '缺少 {fields}',
  'finding.post-form-incomplete.afterFile': '位于 file 之后的字段会被 BOS 忽略：{fields}',
  'finding.post-form-incomplete.noFile': '没有 file 字段',
  'finding.policy-invalid.title': '无法读取 Policy',
  'finding.policy-invalid.detail': '{problem}。BOS 会返回 InvalidPolicyDocument；policy 字段必须是 JSON 对象 {shape} 的 Base64 编码。',
  'policy.problem.notBase64': 'policy 字段不是 Base64',
  'policy.problem.binary': 'policy 字段解码后是二进制数据，而不是 JSON 文本',
  'policy.problem.notJson': '解码后的 Policy 不是有效的 JSON（{error}）',
  'policy.problem.notObject': '解码后的 Policy 不是 JSON 对象',
  'policy.problem.expirationType': '"expiration" 必须是 ISO 8601 字符串',
  'policy.problem.expirationFormat': '"expiration" "{expiration}" 不是 UTC ISO 8601 格式（例如 2026-11-26T08:00:00Z）',
  'policy.problem.conditions': '"conditions" 不存在或不是数组',
  'policy.problem.nested': 'conditions 嵌套过深，不可能是 BOS 的 Policy',
  'finding.policy-expired.title': '上传策略（Policy）已过期',
  'finding.policy-expired.detail.server':
    'Policy 的过期时间为 {expiration}，而表单在其后 {seconds} 秒才发送（按服务器时钟）。表单上传（PostObject）返回 RequestExpired 就是这个原因，而不是请求头签名的时钟偏差：请在每次上传前即时从签名服务器获取新的 Policy。',
  'finding.policy-expired.detail.browser':
    'Policy 的过期时间为 {expiration}，而表单在其后 {seconds} 秒才发送（按浏览器时钟）。表单上传（PostObject）返回 RequestExpired 就是这个原因，而不是请求头签名的时钟偏差：请在每次上传前即时从签名服务器获取新的 Policy。',
  'finding.policy-violation.title.one': '表单不满足 Policy 中的 1 个条件',
  'finding.policy-violation.title.other': '表单不满足 Policy 中的 {count} 个条件',
  'finding.policy-violation.detail': '{violations}。BOS 会拒绝此类上传（{code}）；请修改表单，或让签名服务器签发允许这种上传的 Policy。',
  'finding.policy-violation.item': '{condition}：要求 {expected}，实际为 {actual}',
  'policy.expected.range': '{min} 到 {max} 字节',
  'policy.expected.startsWith': '以 "{value}" 开头',
  'policy.expected.matches': '匹配 {pattern}',
  'policy.expected.anySize': 'Policy 允许范围内的大小',
  'policy.actual.about': '约 {size} 字节',
  'policy.actual.atMost': '至多 {size} 字节',
  'policy.actual.requestBody': '整个请求体 {size} 字节（HAR 未保留文件部分）',
  'policy.actual.measured': '超过 {max} 字节（由 BOS 测得；HAR 未保留文件部分）',
  'policy.actual.notSent': '未发送',
  'policy.actual.refused': 'BOS 拒绝的大小（Policy 中没有可读的 content-length-range）',

  'finding.callback-failed.title': '对象已保存，但上传回调失败',
  'finding.callback-failed.detail.code': 'BOS 保存了对象，随后调用 {target}，回调失败：{code} {message}。',
  'finding.callback-failed.detail.203': 'BOS 返回 203 Non-Authoritative Information：对象已保存，但对 {target} 的调用没有成功（HAR 中没有说明原因的响应体）。',
  'finding.callback-failed.configured': '配置中键为 "{key}" 的回调地址',
  'finding.callback-failed.unknownTarget': '回调地址',
  'finding.callback-failed.advice':
    '上传本身没有问题：请检查回调服务器能否从公网访问（不能是 localhost 或内网地址）、是否快速返回 2xx，以及能否接受 BOS 发送的内容。',
  'finding.callback-invalid.title': '无法解析上传回调参数',
  'finding.callback-invalid.detail':
    'x-bce-process 中：{problems}。SDK 的写法是 callback/callback,u_<URL 列表 JSON 的 URL 安全 Base64>,m_sync,v_<JSON 对象的 URL 安全 Base64>；BOS 无法按这个参数回调。',
  'process.problem.urls-not-base64': 'u_（URL）不是 URL 安全的 Base64',
  'process.problem.urls-not-json-list': 'u_ 解码后不是 URL 的 JSON 列表',
  'process.problem.url-not-http': '有回调 URL 不是 http:// 或 https://',
  'process.problem.vars-not-base64': 'v_（变量）不是 URL 安全的 Base64',
  'process.problem.vars-not-json-object': 'v_ 解码后不是 JSON 对象',
  'process.problem.no-urls': '既没有 u_（URL）也没有 k_（配置的键）',
  'finding.part-too-small.title.one': '分块 {parts} 小于 100 KB 的下限',
  'finding.part-too-small.title.other': '分块 {parts} 小于 100 KB 的下限',
  'finding.part-too-small.detail':
    '{sizes}。除最后一个分块外，每个分块都必须至少 100 KB（102400 字节）；否则 BOS 会以 EntityTooSmall 拒绝完成分块上传。请增大分块大小（SDK 默认 1 MB，常用 5 MB）。',
  'finding.part-too-small.item': '分块 {partNumber}：{size} 字节',
  'finding.part-too-small.title.unknown': '有分块小于 100 KB 的下限，但抓包记录看不出是哪一个',
  'finding.part-too-small.detail.unknown':
    'BOS 以 EntityTooSmall 拒绝了 Complete：除最后一块外有分块小于 100 KB（102400 字节）。HAR 中没有分块 {parts} 的大小（没有 Content-Length、请求体或 bodySize），因此无法确定是哪一块。请检查上传工具使用的分块大小（SDK 默认 1 MB，常用 5 MB），或带上请求头重新抓包。',
  'finding.part-etag-mismatch.title.one': 'Complete 列表中的分块 ETag 与 UploadPart 返回的不一致',
  'finding.part-etag-mismatch.title.other': 'Complete 列表中有多个分块的 ETag 与 UploadPart 返回的不一致',
  'finding.part-etag-mismatch.detail': '{items}。BOS 会返回 InvalidPart。',
  'finding.part-etag-mismatch.item': '分块 {partNumber}：列表中为 "{listed}"，上传返回 {uploaded}',
  'finding.part-etag-mismatch.undefinedHint':
    'ETag 为 "undefined" 说明页面读不到 ETag 响应头：请在存储桶 CORS 规则的暴露的响应头（allowedExposeHeaders）中加入 ETag。',
  'finding.part-etag-mismatch.exactHint': '列表中每个分块的 ETag 必须与该分块 UploadPart 返回的完全一致（以该分块最后一次上传为准）。',
  'finding.part-order-invalid.title': 'Complete 列表没有按分块号升序排列',
  'finding.part-order-invalid.detail':
    '分块的列出顺序为 {numbers}：分块 {part} 排在 {previous} 之后。BOS 要求分块号严格升序（否则返回 InvalidPartOrder）；请对列表排序，并且每个分块只列一次。',
  'finding.parts-not-listed.title': '已上传的分块没有列入 Complete 列表',
  'finding.parts-not-listed.detail.one': '分块 {parts} 已上传成功，但不在列表中，因此会被丢弃，对象将缺少这部分数据。',
  'finding.parts-not-listed.detail.other': '分块 {parts} 已上传成功，但不在列表中，因此会被丢弃，对象将缺少这部分数据。',
  'finding.parts-not-uploaded.title': '列表中的分块在此次捕获中没有成功上传',
  'finding.parts-not-uploaded.detail.one':
    '列表中有分块 {parts}，但没有捕获到它成功的 UploadPart（可能发生在开始捕获之前）。如果它确实上传失败，BOS 会返回 InvalidPart。',
  'finding.parts-not-uploaded.detail.other':
    '列表中有分块 {parts}，但没有捕获到它们成功的 UploadPart（可能发生在开始捕获之前）。如果它们确实上传失败，BOS 会返回 InvalidPart。',
  'finding.upload-already-finished.title.completed': '该分块上传已经完成',
  'finding.upload-already-finished.title.aborted': '该分块上传已经取消',
  'finding.upload-already-finished.title.unknown': '未知的 uploadId',
  'finding.upload-already-finished.detail.completed':
    '该 uploadId 已由记录 #{entry} 完成；此后所有使用它的请求都会得到 NoSuchUpload。请用 InitiateMultipartUpload 发起新的分块上传，不要复用旧的 ID（常见于成功后重试，或断点续传时用了过期的 ID）。',
  'finding.upload-already-finished.detail.aborted':
    '该 uploadId 已由记录 #{entry} 取消；此后所有使用它的请求都会得到 NoSuchUpload。请用 InitiateMultipartUpload 发起新的分块上传，不要复用旧的 ID（常见于成功后重试，或断点续传时用了过期的 ID）。',
  'finding.upload-already-finished.detail.unknown':
    'BOS 不认识这个 uploadId：它在此次捕获之前已被完成或取消、属于另一个存储桶或对象，或者填写有误。请发起新的分块上传。',

  'finding.append-not-appendable.title': '该对象不支持追加',
  'finding.append-not-appendable.detail':
    '追加上传（AppendObject）只能用于由 AppendObject 创建的对象（x-bce-object-type: Appendable）。这个对象键对应的是普通对象（来自 PutObject、PostObject、分块上传或拷贝）；请写入新的对象键，或先删除它。',
  'finding.append-offset-incorrect.title.prior': '追加上传发送的 offset 为 {sent}，应为 {expected}',
  'finding.append-offset-incorrect.title': '追加上传的 offset（{sent}）与对象长度不符',
  'finding.append-offset-incorrect.detail.prior':
    '该对象上一次追加（记录 #{entry}）返回的 x-bce-next-append-offset 为 {expected}，但此请求发送的是 offset={sent}。请使用 BOS 上次返回的 offset，或先用 GetObjectMeta（HEAD）读取。',
  'finding.append-offset-incorrect.detail':
    'offset 必须等于对象当前的长度（新对象为 0）。此次捕获中没有该对象之前的追加记录；请在追加前用 GetObjectMeta（HEAD）读取 x-bce-next-append-offset 或 Content-Length。',
  'finding.append-offset-incorrect.none': '未指定',
  'finding.copy-precondition-failed.title': '拷贝的源对象不满足发送的条件',
  'finding.copy-precondition-failed.detail':
    '请求对源对象 {source} 发送了 {conditions}，但源对象不满足该条件（它在你读取 ETag 之后被修改过）。请用 GetObjectMeta（HEAD）读取源对象当前的 ETag 后重试。',
  'finding.copy-precondition-failed.detail.none': 'BOS 报告前置条件不满足，但没有捕获到任何 x-bce-copy-source-if-* 请求头。',
  'finding.copy-precondition-failed.unknownSource': '（未知）',

  'cli.usage': [
    '用法：bos-devtools analyze <file.har | -> [选项]',
    '      bos-devtools redact <file.har | -> > redacted.har',
    '',
    'analyze  逐条解读 HAR 文件中发往百度智能云对象存储（BOS）的请求：',
    '         操作、存储桶、对象、错误码及其含义和处理建议、请求 ID 和',
    '         debug id，以及发现的问题（时钟偏差、签名过期、Content-MD5',
    '         不一致、Policy、分块上传、CORS 等）。',
    'redact   输出移除了签名、安全令牌、表单签名、Cookie 和凭证的 HAR，',
    '         同时保留诊断所需的信息（AK、签名时间、有效期）。',
    '',
    '选项：',
    '  --json            机器可读的输出（格式稳定，见 README）',
    '  --host <pattern>  把该域名也视为 BOS（自定义域名或 CDN）；',
    '                    如 "files.example.com" 或 "*.example.com"；可重复',
    '  --lang <en|zh_CN> 报告语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG）；',
    '                    --json 输出默认为英文，除非显式指定 --lang',
    '  -h, --help        显示帮助',
    '  -v, --version     显示版本',
    '',
    '退出状态：只要文件分析完成即为 0，无论发现什么问题；',
    '输入不是可读的 HAR 文件或参数有误时为 2。',
  ].join('\n'),
  'cli.label.message': '消息：',
  'cli.label.meaning': '含义：',
  'cli.label.advice': '建议：',
  'cli.label.requestId': '请求 ID：',
  'cli.label.debugId': 'debug id：',
  'cli.noResponse': '无响应',
  'cli.unknownOperation': '未知操作',
  'cli.preflight': '（CORS 预检请求）',
  'cli.note': '注意：{note}',
  'cli.summary.none': '{entries} 条 HAR 记录中没有 BOS 请求。发往自定义域名的请求需要使用 --host <pattern>。',
  'cli.summary': '{entries} 条 HAR 记录中有 {bos}，{errors}，{findings}。',
  'cli.summary.bos.one': '{count} 个 BOS 请求',
  'cli.summary.bos.other': '{count} 个 BOS 请求',
  'cli.summary.failed': '{count} 个失败',
  'cli.summary.noneFailed': '全部成功',
  'cli.summary.findings.one': '{count} 项诊断',
  'cli.summary.findings.other': '{count} 项诊断',
  'cli.stdin': '标准输入',
  'cli.error.unknownCommand': '未知命令 "{command}"；试试 "bos-devtools analyze session.har"',
  'cli.error.oneFile': '{command} 只接受一个 HAR 文件（或用 - 表示标准输入）',
  'cli.error.unknownLang': '--lang 不支持语言 "{lang}"；请使用 en 或 zh_CN',
  'cli.error.cannotRead': '无法读取 {file}：{why}',
  'cli.error.noSuchFile': '文件不存在',
  'cli.error.isDirectory': '这是一个目录',
  'cli.error.permission': '没有权限',
  'cli.error.tooLarge': '文件超过了 Node.js 能容纳的最大字符串（约 512 MB）',
  'cli.error.emptyInput': '{file} 为空，不是 HAR 文件',
  'cli.error.notJson': '{file} 不是有效的 JSON（{error}），因此不是 HAR 文件',
  'cli.error.notJsonEntry': '{file} 不是有效的 JSON（第 {index} 条记录：{error}），因此不是 HAR 文件',
  'cli.error.tooDeep': '{file} 嵌套过深（{error}），无法重新写成 JSON',
  'cli.error.noLog': '{file} 不是 HAR 文件：顶层没有 "log" 对象',
  'cli.error.noEntries': '{file} 不是 HAR 文件："log.entries" 不存在或不是数组',
}
