{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="{{CAMPAIGN_URL}}">← {{NAME}}</a></p>
  <h1>Kết thúc sớm đợt khảo sát</h1>
  {{#CLOSED}}<div class="notice" id="campaign-closed-notice"><p>Đợt khảo sát này đã kết thúc sớm ngày {{CLOSED_ON}}.</p></div>{{/CLOSED}}
  {{#FORM}}
  <dl class="summary">
    <div><dt>Đợt khảo sát</dt><dd>{{NAME}}</dd></div>
    <div><dt>Thời gian</dt><dd>{{ROUND_LINE}}</dd></div>
    <div><dt>Số phiếu đã nhận</dt><dd>{{RESPONSES}}</dd></div>
  </dl>
  <p class="lead">Kết thúc đợt khảo sát ngay hôm nay? Từ lúc này, phiếu mời và mã QR của đợt không nhận thêm câu trả lời{{#REPEATS}} và đợt không lặp lại nữa{{/REPEATS}}. Kết quả và báo cáo đã có được giữ nguyên. Không mở lại được.</p>
  <form method="post" action="{{ACTION}}" class="actions">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="version" value="{{VERSION}}">
    <button type="submit" class="warning">Kết thúc sớm</button>
    <a class="button secondary" href="{{CAMPAIGN_URL}}">Không, quay lại</a>
  </form>
  {{/FORM}}
</section>
