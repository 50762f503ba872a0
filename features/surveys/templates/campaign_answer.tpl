{{%AUTOESCAPE context="HTML"}}<section class="panel narrow survey">
  <h1>Khảo sát sự hài lòng</h1>
  <p class="lead"><strong id="survey-campaign">{{CAMPAIGN}}</strong><br><span id="survey-unit">{{UNIT}}</span> · {{ROUND_LINE}}</p>
  {{#NOT_YET}}<div class="notice" id="survey-not-yet"><h2>Đợt khảo sát chưa bắt đầu</h2><p>Đợt khảo sát bắt đầu từ ngày {{FROM}}. Ông/bà vui lòng quay lại từ ngày đó. Xin cảm ơn.</p></div>{{/NOT_YET}}
  {{#CLOSED}}<div class="notice" id="survey-closed"><h2>Đợt khảo sát đã kết thúc</h2><p>Đợt khảo sát này không còn nhận câu trả lời. Cảm ơn ông/bà đã quan tâm.</p></div>{{/CLOSED}}
  {{#ANSWERED}}<div class="notice" id="survey-answered"><h2>Phiếu này đã được trả lời</h2><p>Mỗi phiếu mời (hoặc mỗi điện thoại) chỉ trả lời một lần trong mỗi đợt khảo sát. Câu trả lời đã gửi được giữ nguyên. Xin cảm ơn ông/bà.</p></div>{{/ANSWERED}}
  {{#FORM}}
  <p>Xin ông/bà cho biết mức độ hài lòng của mình. Không cần đăng nhập, phiếu không ghi tên. Các câu ghi “bắt buộc” cần được trả lời.</p>
  <form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    {{>QUESTIONS}}
    <button type="submit" class="big">Gửi câu trả lời</button>
  </form>
  <p class="hint">Câu trả lời không ghi lại tên hay thông tin cá nhân của ông/bà.</p>
  {{/FORM}}
</section>
