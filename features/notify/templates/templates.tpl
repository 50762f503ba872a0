{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/desk/messages">← Tin nhắn báo cho người nộp</a></p>
  <h1>Mẫu tin nhắn báo cho người nộp</h1>
  <p>Mỗi việc (tiếp nhận, yêu cầu bổ sung, xin lỗi, trả kết quả, từ chối) có một mẫu tin nhắn SMS và một mẫu thư điện tử, dùng chung cho mọi đơn vị. Mỗi lần lưu tạo một phiên bản mới; phiên bản mới nhất được dùng.</p>
  <div class="table-wrap" role="region" aria-labelledby="templates-caption" tabindex="0"><table class="stack">
    <caption id="templates-caption">Các mẫu theo việc</caption>
    <thead><tr><th scope="col">Việc</th><th scope="col">Tin nhắn SMS</th><th scope="col">Thư điện tử</th></tr></thead>
    <tbody>{{#EVENT}}<tr><td>{{LABEL}}</td><td data-label="Tin nhắn SMS"><a href="/desk/notify/templates/{{NAME}}?channel=sms">{{SMS_VERSION}}</a></td><td data-label="Thư điện tử"><a href="/desk/notify/templates/{{NAME}}?channel=email">{{EMAIL_VERSION}}</a></td></tr>{{/EVENT}}</tbody>
  </table></div>
</section>
